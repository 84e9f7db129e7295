import { Button, Text } from "@react-email/components";
import { MailLayout, buttonStyle } from "./layout";

export interface NewApplicationsMail {
  companyName: string;
  applications: { studentName: string; offerTitle: string; url: string }[];
  unsubscribeUrl: string;
}

export const newApplicationsSubject = (props: NewApplicationsMail) =>
  props.applications.length === 1
    ? `Nouvelle candidature : ${props.applications[0].offerTitle}`
    : `${props.applications.length} nouvelles candidatures pour ${props.companyName}`;

export function NewApplications({ applications, unsubscribeUrl }: NewApplicationsMail) {
  return (
    <MailLayout preview="De nouvelles candidatures vous attendent" unsubscribeUrl={unsubscribeUrl}>
      <Text>Bonjour,</Text>
      <Text>{applications.length === 1 ? "Une candidature est arrivée :" : `${applications.length} candidatures sont arrivées :`}</Text>
      {applications.map((a) => (
        <Text key={a.url}>
          {a.studentName} — « {a.offerTitle} » : {a.url}
        </Text>
      ))}
      <Text>Les candidats attendent votre réponse : pensez à faire avancer chaque candidature.</Text>
    </MailLayout>
  );
}

export interface ApplicationReminderMail {
  applications: { studentName: string; offerTitle: string; url: string; days: number }[];
  unsubscribeUrl: string;
}

export const applicationReminderSubject = (props: ApplicationReminderMail) =>
  props.applications.length === 1
    ? "Une candidature attend depuis 7 jours"
    : `${props.applications.length} candidatures attendent depuis 7 jours`;

export function ApplicationReminder({ applications, unsubscribeUrl }: ApplicationReminderMail) {
  return (
    <MailLayout preview="Des candidatures n'ont pas encore été consultées" unsubscribeUrl={unsubscribeUrl}>
      <Text>Bonjour,</Text>
      <Text>Ces candidatures n'ont pas encore été consultées :</Text>
      {applications.map((a) => (
        <Text key={a.url}>
          {a.studentName} — « {a.offerTitle} », envoyée il y a {a.days} jours : {a.url}
        </Text>
      ))}
    </MailLayout>
  );
}

export interface ApplicationStatusMail {
  offerTitle: string;
  companyName: string;
  statusLabel: string;
  message: string | null;
  url: string;
  unsubscribeUrl: string;
}

export const applicationStatusSubject = (props: ApplicationStatusMail) =>
  `Votre candidature « ${props.offerTitle} » : ${props.statusLabel.toLowerCase()}`;

export function ApplicationStatus({ offerTitle, companyName, statusLabel, message, url, unsubscribeUrl }: ApplicationStatusMail) {
  return (
    <MailLayout preview={`Votre candidature : ${statusLabel}`} unsubscribeUrl={unsubscribeUrl}>
      <Text>Bonjour,</Text>
      <Text>
        Votre candidature à l'offre « {offerTitle} » de {companyName} est maintenant : {statusLabel}.
      </Text>
      {message && <Text style={{ borderLeft: "4px solid #000091", paddingLeft: "12px" }}>{message}</Text>}
      <Button href={url} style={buttonStyle}>
        Voir mes candidatures
      </Button>
      <Text>{url}</Text>
    </MailLayout>
  );
}

export interface SavedSearchAlertMail {
  searchName: string;
  searchUrl: string;
  offers: { title: string; companyName: string; communeName: string; url: string }[];
  unsubscribeUrl: string;
}

export const savedSearchAlertSubject = (props: SavedSearchAlertMail) =>
  `${props.offers.length} nouvelle${props.offers.length > 1 ? "s" : ""} offre${props.offers.length > 1 ? "s" : ""} VTE : ${props.searchName}`;

export function SavedSearchAlert({ searchName, searchUrl, offers, unsubscribeUrl }: SavedSearchAlertMail) {
  return (
    <MailLayout preview={`Nouvelles offres pour « ${searchName} »`} unsubscribeUrl={unsubscribeUrl}>
      <Text>Bonjour,</Text>
      <Text>De nouvelles offres correspondent à votre recherche « {searchName} » :</Text>
      {offers.map((o) => (
        <Text key={o.url}>
          {o.title} — {o.companyName}, {o.communeName} : {o.url}
        </Text>
      ))}
      <Text>Toute la recherche : {searchUrl}</Text>
    </MailLayout>
  );
}

export interface SchoolDigestMail {
  schoolName: string;
  offers: { title: string; companyName: string; communeName: string; note: string; url: string }[];
  unsubscribeUrl: string;
}

export const schoolDigestSubject = (props: SchoolDigestMail) =>
  `${props.schoolName} vous recommande ${props.offers.length} offre${props.offers.length > 1 ? "s" : ""} VTE`;

export function SchoolDigest({ schoolName, offers, unsubscribeUrl }: SchoolDigestMail) {
  return (
    <MailLayout preview={`Les offres VTE recommandées par ${schoolName}`} unsubscribeUrl={unsubscribeUrl}>
      <Text>Bonjour,</Text>
      <Text>Cette semaine, {schoolName} recommande à ses étudiants :</Text>
      {offers.map((o) => (
        <Text key={o.url}>
          {o.title} — {o.companyName}, {o.communeName} : {o.url}
          <br />« {o.note} »
        </Text>
      ))}
    </MailLayout>
  );
}

export interface OfferInvitationMail {
  firstName: string;
  companyName: string;
  offerTitle: string;
  url: string;
  unsubscribeUrl: string;
}

export const offerInvitationSubject = (props: OfferInvitationMail) => `${props.companyName} vous invite à postuler : ${props.offerTitle}`;

export function OfferInvitation({ firstName, companyName, offerTitle, url, unsubscribeUrl }: OfferInvitationMail) {
  return (
    <MailLayout preview={`${companyName} vous invite à postuler`} unsubscribeUrl={unsubscribeUrl}>
      <Text>Bonjour {firstName},</Text>
      <Text>
        {companyName} a vu votre profil et vous invite à postuler à son offre « {offerTitle} ». Vous restez libre d'y donner suite ou non.
      </Text>
      <Button href={url} style={buttonStyle}>
        Voir l'offre
      </Button>
      <Text>Vous recevez ce message parce que votre profil est visible des entreprises ; vous pouvez le masquer depuis votre profil.</Text>
    </MailLayout>
  );
}
