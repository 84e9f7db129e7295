// Accounts and sessions against the real database, with mail received by a real SMTP server.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { acceptInvitation, createCompany, inviteMember, membersOf } from "../../app/companies.server";
import { setDatabase, type Database } from "../../app/db.server";
import { changePassword, logIn, loginLimits, requestPasswordReset, resetPassword, signUp, verifyEmailCode, verifyEmailLink } from "../../app/auth.server";
import { withLuhnKey } from "../../app/domain/siren";
import { runOutboxBatch } from "../../app/outbox.server";
import { hashToken, sessionLifetimeMs, validateSessionToken } from "../../app/session.server";
import { sendMailJob, type MailJob } from "../../emails/outbox.server";
import { createMailTransport, type MailTransport } from "../../emails/transport.server";
import { startSmtpSink } from "./smtp-sink";
import { openTestDatabase } from "./support";

describe("accounts", () => {
  let database: Database;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mail: MailTransport;
  const base = "http://127.0.0.1:3000";
  const deliver = () => runOutboxBatch(database.sql, { mail: (payload) => sendMailJob(mail, payload as MailJob) });
  const lastMailTo = (to: string) => [...smtp.received].reverse().find((m) => m.to.includes(to));

  beforeAll(async () => {
    database = await openTestDatabase();
    setDatabase(database);
    smtp = await startSmtpSink();
    mail = createMailTransport({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    mail.close();
    await smtp.stop();
    setDatabase(undefined);
    await database.close();
  });

  test("sign-up sends a French verification mail with a 6-digit code that verifies the address", async () => {
    const result = await signUp({ email: "Lea.Roux@Exemple.fr", password: "Une-phrase-de-passe", firstName: "Léa", lastName: "Roux", role: "STUDENT" }, base);
    expect(result).toHaveProperty("userId");
    const userId = (result as { userId: string }).userId;
    await deliver();
    const received = lastMailTo("lea.roux@exemple.fr");
    expect(received?.subject).toMatch(/^Votre code de vérification VTE : \d{6}$/);
    expect(received?.text).toContain("Bonjour Léa");
    const code = /(\d{6})$/.exec(received?.subject ?? "")?.[1] as string;
    expect(await verifyEmailCode(userId, code === "000000" ? "111111" : "000000")).toBe("invalid");
    expect(await verifyEmailCode(userId, code)).toBe("verified");
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).not.toBeNull();
  });

  test("the same address cannot sign up twice, whatever its case", async () => {
    expect(await signUp({ email: "LEA.ROUX@exemple.fr", password: "Une-phrase-de-passe", firstName: "Léa", lastName: "Roux", role: "STUDENT" }, base)).toBe("email-taken");
  });

  test("the link of the mail verifies too, once", async () => {
    await signUp({ email: "hugo@exemple.fr", password: "Une-phrase-de-passe", firstName: "Hugo", lastName: "Petit", role: "STUDENT" }, base);
    await deliver();
    const token = /\/verification\/(\w+)/.exec(lastMailTo("hugo@exemple.fr")?.text ?? "")?.[1] as string;
    expect(await verifyEmailLink(token)).toBe("verified");
    expect(await verifyEmailLink(token)).toBe("invalid");
  });

  test("five wrong codes lock the code", async () => {
    const { userId } = (await signUp({ email: "ines@exemple.fr", password: "Une-phrase-de-passe", firstName: "Inès", lastName: "Blanc", role: "STUDENT" }, base)) as { userId: string };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await verifyEmailCode(userId, "999999"));
    expect(results.at(-1)).toBe("too-many-attempts");
  });

  test("log-in opens a session whose token is stored only as its SHA-256", async () => {
    const result = await logIn("lea.roux@exemple.fr", "Une-phrase-de-passe", "10.0.0.1");
    expect(result.ok).toBe(true);
    const token = (result as { token: string }).token;
    expect(await database.prisma.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await database.prisma.session.findUnique({ where: { id: hashToken(token) } })).not.toBeNull();
    expect((await validateSessionToken(token))?.user.email).toBe("lea.roux@exemple.fr");
  });

  test("a session is renewed when half spent, and refused once expired", async () => {
    const { token } = (await logIn("lea.roux@exemple.fr", "Une-phrase-de-passe", "10.0.0.2")) as { token: string };
    const id = hashToken(token);
    await database.prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + sessionLifetimeMs / 2 - 60_000) } });
    const renewed = await validateSessionToken(token);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + sessionLifetimeMs - 60_000);
    await database.prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSessionToken(token)).toBeNull();
  });

  test(`after ${loginLimits.perAccount} failed attempts the account waits, with the minutes to wait`, async () => {
    for (let i = 0; i < loginLimits.perAccount; i++) expect(await logIn("hugo@exemple.fr", "mauvais-mot-de-passe", `10.1.0.${i}`)).toEqual({ ok: false, reason: "invalid" });
    const blocked = await logIn("hugo@exemple.fr", "Une-phrase-de-passe", "10.1.0.99");
    expect(blocked).toEqual({ ok: false, reason: "rate-limited", minutes: loginLimits.windowMinutes });
  });

  test("one IP trying many accounts is stopped too", async () => {
    let last;
    for (let i = 0; i <= loginLimits.perIp; i++) last = await logIn(`personne${i}@exemple.fr`, "mauvais-mot-de-passe", "10.2.0.1");
    expect(last).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  test("a password reset revokes every session of the account and opens a new one", async () => {
    const first = (await logIn("lea.roux@exemple.fr", "Une-phrase-de-passe", "10.3.0.1")) as { token: string };
    await requestPasswordReset("lea.roux@exemple.fr", base);
    await requestPasswordReset("personne@inconnu.fr", base); // says nothing, sends nothing
    await deliver();
    const link = /\/mot-de-passe-oublie\/(\w+)/.exec(lastMailTo("lea.roux@exemple.fr")?.text ?? "")?.[1] as string;
    expect(smtp.received.some((m) => m.to.includes("personne@inconnu.fr"))).toBe(false);
    const session = await resetPassword(link, "Un-nouveau-mot-de-passe");
    expect(session).not.toBeNull();
    expect(await validateSessionToken(first.token)).toBeNull();
    expect(await validateSessionToken(session!.token)).not.toBeNull();
    expect(await resetPassword(link, "Encore-un-autre-mot")).toBeNull();
    expect((await logIn("lea.roux@exemple.fr", "Un-nouveau-mot-de-passe", "10.3.0.2")).ok).toBe(true);
  });

  test("changing the password asks for the current one, revokes the other sessions and tells the owner by mail", async () => {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "lea.roux@exemple.fr" } });
    const other = (await logIn("lea.roux@exemple.fr", "Un-nouveau-mot-de-passe", "10.4.0.1")) as { token: string };
    expect(await changePassword(user.id, "Pas-le-bon-mot-de-passe", "Troisieme-mot-de-passe", base)).toEqual({ ok: false, reason: "wrong-password" });
    expect(await validateSessionToken(other.token)).not.toBeNull();
    const changed = await changePassword(user.id, "Un-nouveau-mot-de-passe", "Troisieme-mot-de-passe", base);
    expect(changed.ok).toBe(true);
    expect(await validateSessionToken(other.token)).toBeNull();
    expect(await validateSessionToken((changed as { token: string }).token)).not.toBeNull();
    expect((await logIn("lea.roux@exemple.fr", "Un-nouveau-mot-de-passe", "10.4.0.2")).ok).toBe(false);
    expect((await logIn("lea.roux@exemple.fr", "Troisieme-mot-de-passe", "10.4.0.3")).ok).toBe(true);
    await deliver();
    const notice = lastMailTo("lea.roux@exemple.fr");
    expect(notice?.subject).toBe("Votre mot de passe VTE a été modifié");
    expect(notice?.text).toContain(`${base}/mot-de-passe-oublie`);
  });

  test("guessing the current password is stopped like a log-in, and a right one then waits too", async () => {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "lea.roux@exemple.fr" } });
    for (let attempt = 1; attempt <= loginLimits.perAccount; attempt++) {
      expect(await changePassword(user.id, `Essai-numero-${attempt}`, "Quatrieme-mot-de-passe", base)).toEqual({ ok: false, reason: "wrong-password" });
    }
    const blocked = await changePassword(user.id, "Troisieme-mot-de-passe", "Quatrieme-mot-de-passe", base);
    expect(blocked).toMatchObject({ ok: false, reason: "rate-limited" });
    expect((await logIn("lea.roux@exemple.fr", "Troisieme-mot-de-passe", "10.4.0.4")).ok).toBe(false);
    await database.prisma.rateLimit.deleteMany({ where: { key: "login:account:lea.roux@exemple.fr" } });
    expect((await logIn("lea.roux@exemple.fr", "Troisieme-mot-de-passe", "10.4.0.5")).ok).toBe(true);
  });

  test("an invited colleague joins the company, and only with the invited address", async () => {
    const owner = await database.prisma.user.create({ data: { email: "dirigeant@forges.fr", passwordHash: "x", role: "COMPANY_MEMBER", firstName: "Paul", lastName: "Morel", emailVerifiedAt: new Date() } });
    const colleague = await database.prisma.user.create({ data: { email: "rh@forges.fr", passwordHash: "x", role: "COMPANY_MEMBER", firstName: "Anne", lastName: "Roy", emailVerifiedAt: new Date() } });
    const stranger = await database.prisma.user.create({ data: { email: "autre@ailleurs.fr", passwordHash: "x", role: "COMPANY_MEMBER", firstName: "Jean", lastName: "Val", emailVerifiedAt: new Date() } });
    const company = await createCompany(owner.id, { siren: withLuhnKey("55555555"), name: "Forges Morel", nafCode: "25.62B", sizeBand: "PME", communeCode: "42187" });
    if (company === "siren-taken") throw new Error("unexpected");
    await inviteMember(company.id, owner, "rh@forges.fr", base);
    await deliver();
    const received = lastMailTo("rh@forges.fr");
    expect(received?.subject).toBe("Paul Morel vous invite à rejoindre Forges Morel sur la plateforme VTE");
    const token = /\/invitation\/(\w+)/.exec(received?.text ?? "")?.[1] as string;
    expect(await acceptInvitation(token, stranger)).toBe("wrong-email");
    expect(await acceptInvitation(token, colleague)).toBe("accepted");
    expect((await membersOf(company.id)).members.map((m) => m.user.email).sort()).toEqual(["dirigeant@forges.fr", "rh@forges.fr"]);
  });
});
