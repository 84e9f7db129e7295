import { Button, Text } from "@react-email/components";
import { MailLayout, buttonStyle } from "./layout";

export interface VerificationMail {
  firstName: string;
  code: string;
  link: string;
}

export const verificationSubject = (props: VerificationMail) => `Votre code de vérification VTE : ${props.code}`;

export function Verification({ firstName, code, link }: VerificationMail) {
  return (
    <MailLayout preview={`Votre code : ${code}`}>
      <Text>Bonjour {firstName},</Text>
      <Text>Pour confirmer votre adresse e-mail, saisissez ce code sur la plateforme :</Text>
      <Text style={{ fontSize: "28px", letterSpacing: "6px", fontWeight: 700 }}>{code}</Text>
      <Text>Ou suivez ce lien :</Text>
      <Button href={link} style={buttonStyle}>
        Confirmer mon adresse
      </Button>
      <Text>{link}</Text>
      <Text>Le code et le lien sont valables une heure. Si vous n'avez pas créé de compte, ignorez ce message.</Text>
    </MailLayout>
  );
}
