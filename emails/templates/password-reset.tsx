import { Button, Text } from "@react-email/components";
import { MailLayout, buttonStyle } from "./layout";

export interface PasswordResetMail {
  firstName: string;
  link: string;
}

export const passwordResetSubject = () => "Réinitialiser votre mot de passe VTE";

export function PasswordReset({ firstName, link }: PasswordResetMail) {
  return (
    <MailLayout preview="Choisissez un nouveau mot de passe">
      <Text>Bonjour {firstName},</Text>
      <Text>Vous avez demandé à réinitialiser votre mot de passe. Ce lien est valable une heure :</Text>
      <Button href={link} style={buttonStyle}>
        Choisir un nouveau mot de passe
      </Button>
      <Text>{link}</Text>
      <Text>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas.</Text>
    </MailLayout>
  );
}

export interface PasswordChangedMail {
  firstName: string;
  resetLink: string;
}

export const passwordChangedSubject = () => "Votre mot de passe VTE a été modifié";

export function PasswordChanged({ firstName, resetLink }: PasswordChangedMail) {
  return (
    <MailLayout preview="Votre mot de passe a été modifié">
      <Text>Bonjour {firstName},</Text>
      <Text>Le mot de passe de votre compte VTE vient d'être modifié. Vos autres sessions ont été fermées.</Text>
      <Text>Si vous n'êtes pas à l'origine de ce changement, choisissez tout de suite un nouveau mot de passe :</Text>
      <Button href={resetLink} style={buttonStyle}>
        Réinitialiser mon mot de passe
      </Button>
      <Text>{resetLink}</Text>
    </MailLayout>
  );
}

export interface SignUpAttemptMail {
  firstName: string;
  logInLink: string;
  resetLink: string;
}

export const signUpAttemptSubject = () => "Une inscription a été tentée avec votre adresse VTE";

/** Sent instead of telling the sign-up form that the address has an account (that would reveal who has one). */
export function SignUpAttempt({ firstName, logInLink, resetLink }: SignUpAttemptMail) {
  return (
    <MailLayout preview="Vous avez déjà un compte VTE">
      <Text>Bonjour {firstName},</Text>
      <Text>Quelqu'un vient de demander à créer un compte VTE avec votre adresse. Vous en avez déjà un : rien n'a changé.</Text>
      <Text>Si c'était vous, connectez-vous :</Text>
      <Button href={logInLink} style={buttonStyle}>
        Me connecter
      </Button>
      <Text>Mot de passe oublié ? Choisissez-en un nouveau : {resetLink}</Text>
      <Text>Si ce n'était pas vous, ignorez ce message.</Text>
    </MailLayout>
  );
}
