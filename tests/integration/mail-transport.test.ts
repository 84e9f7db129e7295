// The SMTP transport against a real SMTP server: how often /healthz's check reaches the relay.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createMailTransport, type MailTransport } from "#emails/transport.server";
import { startSmtpSink } from "./smtp-sink";

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let mail: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpSink();
  mail = createMailTransport({ smtpUrl: smtp.url });
});
afterAll(() => mail.close());

test("checks a verified SMTP server once, not at every /healthz, until a send fails", async () => {
  for (let i = 0; i < 5; i++) expect(await mail.check()).toEqual({ ok: true });
  expect(smtp.connections()).toBe(1);

  await smtp.stop();
  const message = { to: "personne@exemple.fr", subject: "Essai", html: "<p>Essai</p>", text: "Essai" };
  await expect(mail.send(message)).rejects.toThrow();
  const afterFailure = await mail.check();
  expect(afterFailure.ok).toBe(false);
  expect(afterFailure.error).toMatch(/ECONNREFUSED/);
});
