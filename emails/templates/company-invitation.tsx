import { Button, Text } from "@react-email/components";
import { MailLayout, buttonStyle } from "./layout";

export interface CompanyInvitationMail {
  inviterName: string;
  companyName: string;
  link: string;
}

export const companyInvitationSubject = (props: CompanyInvitationMail) =>
  `${props.inviterName} vous invite à rejoindre ${props.companyName} sur la plateforme VTE`;

export function CompanyInvitation({ inviterName, companyName, link }: CompanyInvitationMail) {
  return (
    <MailLayout preview={`Rejoignez ${companyName}`}>
      <Text>Bonjour,</Text>
      <Text>
        {inviterName} vous invite à gérer les offres VTE de {companyName}. Créez votre compte ou connectez-vous, puis acceptez l'invitation
        (valable 7 jours) :
      </Text>
      <Button href={link} style={buttonStyle}>
        Rejoindre {companyName}
      </Button>
      <Text>{link}</Text>
    </MailLayout>
  );
}
