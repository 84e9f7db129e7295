import { Button, Text } from "@react-email/components";
import { MailLayout, buttonStyle } from "./layout";

export interface AccountDeletionRequestedMail {
  firstName: string;
  /** "7 décembre 2026". */
  finalOn: string;
  logInLink: string;
}

export const accountDeletionRequestedSubject = () => "Suppression de votre compte VTE";

export function AccountDeletionRequested({ firstName, finalOn, logInLink }: AccountDeletionRequestedMail) {
  return (
    <MailLayout preview={`Votre compte sera supprimé le ${finalOn}`}>
      <Text>Bonjour {firstName},</Text>
      <Text>
        Vous avez demandé la suppression de votre compte VTE. Votre CV est déjà effacé et votre profil n'est plus visible. La suppression
        sera définitive le {finalOn} : votre nom, votre adresse et vos messages seront alors effacés.
      </Text>
      <Text>Vous avez changé d'avis ? Connectez-vous avant cette date : la suppression sera annulée.</Text>
      <Button href={logInLink} style={buttonStyle}>
        Me connecter et annuler
      </Button>
    </MailLayout>
  );
}

export interface AccountDeletedMail {
  firstName: string;
}

export const accountDeletedSubject = () => "Votre compte VTE est supprimé";

export function AccountDeleted({ firstName }: AccountDeletedMail) {
  return (
    <MailLayout preview="Votre compte est supprimé">
      <Text>Bonjour {firstName},</Text>
      <Text>
        Votre compte VTE est supprimé : votre nom, votre adresse, votre profil et vos messages sont effacés. Les entreprises gardent
        seulement la trace anonyme de vos candidatures, et les statistiques du programme ne vous nomment pas.
      </Text>
      <Text>Ce message est le dernier que vous recevrez de la plateforme.</Text>
    </MailLayout>
  );
}

export interface InactivityWarningMail {
  firstName: string;
  /** "30 décembre 2026". */
  anonymisedOn: string;
  logInLink: string;
}

export const inactivityWarningSubject = () => "Votre compte VTE inactif sera anonymisé";

export function InactivityWarning({ firstName, anonymisedOn, logInLink }: InactivityWarningMail) {
  return (
    <MailLayout preview={`Sans connexion d'ici le ${anonymisedOn}, votre compte sera anonymisé`}>
      <Text>Bonjour {firstName},</Text>
      <Text>
        Vous ne vous êtes pas connecté(e) à la plateforme VTE depuis près de deux ans. Sans connexion d'ici le {anonymisedOn}, votre compte
        sera anonymisé : votre nom, votre adresse, votre profil et vos messages seront effacés.
      </Text>
      <Text>Pour garder votre compte, il suffit de vous connecter.</Text>
      <Button href={logInLink} style={buttonStyle}>
        Me connecter
      </Button>
    </MailLayout>
  );
}
