import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export function MailLayout({ preview, children, unsubscribeUrl }: { preview: string; children: ReactNode; unsubscribeUrl?: string }) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f6f6", fontFamily: "system-ui, Arial, sans-serif", color: "#161616" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Text style={{ fontWeight: 700, color: "#000091", fontSize: "18px" }}>VTE · Volontariat Territorial en Entreprise</Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#666666" }}>
            Ce message vous est envoyé par la plateforme du Volontariat Territorial en Entreprise.
            {unsubscribeUrl ? ` Pour ne plus recevoir ce type de message : ${unsubscribeUrl}` : ""}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#000091",
  color: "#ffffff",
  padding: "10px 16px",
  textDecoration: "none",
  display: "inline-block",
} as const;
