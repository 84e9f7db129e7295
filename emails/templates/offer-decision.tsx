import { Button, Text } from "@react-email/components";
import { MailLayout, buttonStyle } from "./layout";

export interface OfferApprovedMail {
  offerTitle: string;
  offerUrl: string;
  expiresOn: string;
}

export const offerApprovedSubject = (props: OfferApprovedMail) => `Votre offre « ${props.offerTitle} » est publiée`;

export function OfferApproved({ offerTitle, offerUrl, expiresOn }: OfferApprovedMail) {
  return (
    <MailLayout preview="Votre offre est en ligne">
      <Text>Bonjour,</Text>
      <Text>
        Votre offre « {offerTitle} » a été validée par l'équipe du programme VTE. Elle est en ligne jusqu'au {expiresOn}.
      </Text>
      <Button href={offerUrl} style={buttonStyle}>
        Voir l'offre
      </Button>
      <Text>{offerUrl}</Text>
    </MailLayout>
  );
}

export interface OfferRejectedMail {
  offerTitle: string;
  reason: string;
  editUrl: string;
}

export const offerRejectedSubject = (props: OfferRejectedMail) => `Votre offre « ${props.offerTitle} » n'a pas été publiée`;

export function OfferRejected({ offerTitle, reason, editUrl }: OfferRejectedMail) {
  return (
    <MailLayout preview="Votre offre doit être modifiée">
      <Text>Bonjour,</Text>
      <Text>Votre offre « {offerTitle} » n'a pas été publiée, pour la raison suivante :</Text>
      <Text style={{ borderLeft: "4px solid #000091", paddingLeft: "12px" }}>{reason}</Text>
      <Text>Vous pouvez la modifier et la soumettre à nouveau :</Text>
      <Button href={editUrl} style={buttonStyle}>
        Modifier l'offre
      </Button>
      <Text>{editUrl}</Text>
    </MailLayout>
  );
}
