// Accounts and sessions against the real database, with mail received by a real SMTP server.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { acceptInvitation, createCompany, inviteMember, membersOf } from "#app/companies/companies.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import {
  changePassword,
  logIn,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signUp,
  verifyEmailCode,
  verifyEmailLink,
} from "#app/accounts/auth.server";
import { rateLimits } from "#app/accounts/rate-limit.server";
import { withLuhnKey } from "#app/domain/siren";
import { runOutboxBatch } from "#app/platform/outbox.server";
import { hashToken, sessionLifetimeMs, validateSessionToken } from "#app/accounts/session.server";
import { sendMailJob } from "#emails/outbox.server";
import { createMailTransport, type MailTransport } from "#emails/transport.server";
import { startSmtpSink } from "./smtp-sink";
import { openTestDatabase } from "./support";

describe("accounts", () => {
  let database: Database;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mail: MailTransport;
  const base = "http://127.0.0.1:3000";
  const deliver = () => runOutboxBatch(database.sql, { mail: (payload) => sendMailJob(mail, payload) });
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

  const client = "10.0.0.1";
  const student = (email: string) => ({
    email,
    password: "Une-phrase-de-passe",
    firstName: "Léa",
    lastName: "Roux",
    role: "STUDENT" as const,
  });

  test("sign-up sends a French verification mail with a 6-digit code that verifies the address", async () => {
    expect(await signUp(student("Lea.Roux@Exemple.fr"), base, client)).toEqual({ outcome: "code-sent" });
    await deliver();
    const received = lastMailTo("lea.roux@exemple.fr");
    expect(received?.subject).toMatch(/^Votre code de vérification VTE : \d{6}$/);
    expect(received?.text).toContain("Bonjour Léa");
    const code = /(\d{6})$/.exec(received?.subject ?? "")?.[1] as string;
    expect((await verifyEmailCode("lea.roux@exemple.fr", code === "000000" ? "111111" : "000000")).result).toBe("invalid");
    expect((await verifyEmailCode("LEA.ROUX@exemple.fr", code)).result).toBe("verified");
    expect((await database.prisma.user.findUniqueOrThrow({ where: { email: "lea.roux@exemple.fr" } })).emailVerifiedAt).not.toBeNull();
  });

  test("signing up with an address that has an account answers the same, changes nothing, and mails its owner", async () => {
    const before = await database.prisma.user.findUniqueOrThrow({ where: { email: "lea.roux@exemple.fr" } });
    expect(
      await signUp({ ...student("LEA.ROUX@exemple.fr"), password: "Un-autre-mot-de-passe", firstName: "Intrus" }, base, "10.0.9.9"),
    ).toEqual({ outcome: "code-sent" });
    expect(await database.prisma.user.findUniqueOrThrow({ where: { email: "lea.roux@exemple.fr" } })).toEqual(before);
    await deliver();
    const notice = lastMailTo("lea.roux@exemple.fr");
    expect(notice?.subject).toBe("Une inscription a été tentée avec votre adresse VTE");
    expect(notice?.text).toContain(`${base}/mot-de-passe-oublie`);
    expect(notice?.text).not.toMatch(/\b\d{6}\b/);
  });

  test("an address never verified is taken over by whoever signs up with it and reads the code (no pre-registered trap)", async () => {
    await signUp({ ...student("piege@exemple.fr"), password: "Mot-de-passe-du-piegeur" }, base, "10.0.8.1");
    const trap = await database.prisma.user.findUniqueOrThrow({ where: { email: "piege@exemple.fr" } });
    const trapSession = (await logIn("piege@exemple.fr", "Mot-de-passe-du-piegeur", "10.0.8.1")) as { token: string };
    await signUp({ ...student("piege@exemple.fr"), password: "Mot-de-passe-du-vrai-titulaire", firstName: "Vraie" }, base, "10.0.8.2");
    expect(await validateSessionToken(trapSession.token)).toBeNull();
    await deliver();
    const code = /(\d{6})$/.exec(lastMailTo("piege@exemple.fr")?.subject ?? "")?.[1] as string;
    expect((await verifyEmailCode("piege@exemple.fr", code)).result).toBe("verified");
    expect((await logIn("piege@exemple.fr", "Mot-de-passe-du-piegeur", "10.0.8.3")).ok).toBe(false);
    expect((await logIn("piege@exemple.fr", "Mot-de-passe-du-vrai-titulaire", "10.0.8.4")).ok).toBe(true);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: trap.id } })).firstName).toBe("Vraie");
  });

  test("the link of the mail verifies too, once", async () => {
    await signUp({ ...student("hugo@exemple.fr"), firstName: "Hugo", lastName: "Petit" }, base, client);
    await deliver();
    const token = /\/verification\/(\w+)/.exec(lastMailTo("hugo@exemple.fr")?.text ?? "")?.[1] as string;
    expect(await verifyEmailLink(token)).toBe("verified");
    expect(await verifyEmailLink(token)).toBe("invalid");
  });

  test("five wrong codes lock the code, and new codes give no new tries past ten an hour for the address", async () => {
    await signUp({ ...student("ines@exemple.fr"), firstName: "Inès" }, base, client);
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await verifyEmailCode("ines@exemple.fr", "999999")).result);
    expect(results.at(-1)).toBe("too-many-attempts");
    // A fresh code (resend) resets the code's own count, not the address's.
    expect(await resendVerification("ines@exemple.fr", base, "10.0.7.1")).toEqual({ ok: true });
    for (let i = 0; i < 5; i++) results.push((await verifyEmailCode("ines@exemple.fr", "999998")).result);
    await deliver();
    const code = /(\d{6})$/.exec(lastMailTo("ines@exemple.fr")?.subject ?? "")?.[1] as string;
    expect((await verifyEmailCode("ines@exemple.fr", code)).result).toBe("too-many-attempts");
    expect(rateLimits.codeGuessesPerAddress.limit).toBe(10);
  });

  test("mail sent on request is limited per address (reset, new code, sign-up), with the minutes to wait", async () => {
    for (let i = 0; i < rateLimits.mailsPerAddress.limit; i++)
      expect(await requestPasswordReset("hugo@exemple.fr", base, `10.0.6.${i}`)).toEqual({ ok: true });
    expect(await requestPasswordReset("hugo@exemple.fr", base, "10.0.6.99")).toMatchObject({ ok: false, minutes: expect.any(Number) });
    // An address with no account is limited the same way, so the limit reveals nothing.
    for (let i = 0; i < rateLimits.mailsPerAddress.limit; i++) await requestPasswordReset("personne@inconnu.fr", base, `10.0.5.${i}`);
    expect(await requestPasswordReset("personne@inconnu.fr", base, "10.0.5.99")).toMatchObject({ ok: false });
    await database.prisma.rateLimit.deleteMany({ where: { key: { startsWith: "mail:" } } });
  });

  test("one client asking mail for many addresses is stopped too", async () => {
    let last;
    for (let i = 0; i <= rateLimits.mailRequestsPerClient.limit; i++)
      last = await signUp(student(`robot${i}@exemple.fr`), base, "10.0.4.1");
    expect(last).toMatchObject({ outcome: "rate-limited" });
    expect(await database.prisma.user.count({ where: { email: { startsWith: "robot" } } })).toBe(rateLimits.mailRequestsPerClient.limit);
    await database.prisma.rateLimit.deleteMany({ where: { key: { startsWith: "mail:" } } });
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

  test("a client that guessed wrong 5 times waits, with the minutes to wait; the owner elsewhere still logs in", async () => {
    const { limit, windowMinutes } = rateLimits.passwordGuessesPerAccountAndClient;
    for (let i = 0; i < limit; i++)
      expect(await logIn("hugo@exemple.fr", "mauvais-mot-de-passe", "10.1.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn("hugo@exemple.fr", "Une-phrase-de-passe", "10.1.0.1")).toEqual({
      ok: false,
      reason: "rate-limited",
      minutes: windowMinutes,
    });
    expect((await logIn("hugo@exemple.fr", "Une-phrase-de-passe", "10.1.0.2")).ok).toBe(true);
  });

  test("guesses spread over many clients are stopped by the account's own limit", async () => {
    const { limit } = rateLimits.passwordGuessesPerAccount;
    for (let i = 0; i < limit; i++) await logIn("hugo@exemple.fr", "mauvais-mot-de-passe", `10.1.${Math.floor(i / 4)}.${(i % 4) + 10}`);
    expect(await logIn("hugo@exemple.fr", "mauvais-mot-de-passe", "10.1.99.1")).toMatchObject({ ok: false, reason: "rate-limited" });
    await database.prisma.rateLimit.deleteMany({ where: { key: "login:account:hugo@exemple.fr" } });
  });

  test("right passwords are never counted: a client that logs in often is not limited", async () => {
    for (let i = 0; i <= rateLimits.logInsPerClient.limit + 5; i++)
      expect((await logIn("hugo@exemple.fr", "Une-phrase-de-passe", "10.2.9.9")).ok).toBe(true);
  });

  test("one client trying many accounts is stopped too", async () => {
    let last;
    for (let i = 0; i <= rateLimits.logInsPerClient.limit; i++)
      last = await logIn(`personne${i}@exemple.fr`, "mauvais-mot-de-passe", "10.2.0.1");
    expect(last).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  test("a password reset revokes every session of the account and opens a new one", async () => {
    const first = (await logIn("lea.roux@exemple.fr", "Une-phrase-de-passe", "10.3.0.1")) as { token: string };
    await requestPasswordReset("lea.roux@exemple.fr", base, "10.3.0.1");
    await requestPasswordReset("personne-bis@inconnu.fr", base, "10.3.0.1"); // says nothing, sends nothing
    await deliver();
    const link = /\/mot-de-passe-oublie\/(\w+)/.exec(lastMailTo("lea.roux@exemple.fr")?.text ?? "")?.[1] as string;
    expect(smtp.received.some((m) => m.to.includes("personne-bis@inconnu.fr"))).toBe(false);
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
    expect(await changePassword(user.id, "Pas-le-bon-mot-de-passe", "Troisieme-mot-de-passe", base, "10.4.0.1")).toEqual({
      ok: false,
      reason: "wrong-password",
    });
    expect(await validateSessionToken(other.token)).not.toBeNull();
    const changed = await changePassword(user.id, "Un-nouveau-mot-de-passe", "Troisieme-mot-de-passe", base, "10.4.0.1");
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

  test("guessing the current password is stopped like a log-in from that client, and a right one then waits too", async () => {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "lea.roux@exemple.fr" } });
    for (let attempt = 1; attempt <= rateLimits.passwordGuessesPerAccountAndClient.limit; attempt++) {
      expect(await changePassword(user.id, `Essai-numero-${attempt}`, "Quatrieme-mot-de-passe", base, "10.4.0.4")).toEqual({
        ok: false,
        reason: "wrong-password",
      });
    }
    const blocked = await changePassword(user.id, "Troisieme-mot-de-passe", "Quatrieme-mot-de-passe", base, "10.4.0.4");
    expect(blocked).toMatchObject({ ok: false, reason: "rate-limited" });
    expect((await logIn("lea.roux@exemple.fr", "Troisieme-mot-de-passe", "10.4.0.4")).ok).toBe(false);
    expect((await logIn("lea.roux@exemple.fr", "Troisieme-mot-de-passe", "10.4.0.5")).ok).toBe(true);
  });

  test("an invited colleague joins the company, and only with the invited address", async () => {
    const owner = await database.prisma.user.create({
      data: {
        email: "dirigeant@forges.fr",
        passwordHash: "x",
        role: "COMPANY_MEMBER",
        firstName: "Paul",
        lastName: "Morel",
        emailVerifiedAt: new Date(),
      },
    });
    const colleague = await database.prisma.user.create({
      data: {
        email: "rh@forges.fr",
        passwordHash: "x",
        role: "COMPANY_MEMBER",
        firstName: "Anne",
        lastName: "Roy",
        emailVerifiedAt: new Date(),
      },
    });
    const stranger = await database.prisma.user.create({
      data: {
        email: "autre@ailleurs.fr",
        passwordHash: "x",
        role: "COMPANY_MEMBER",
        firstName: "Jean",
        lastName: "Val",
        emailVerifiedAt: new Date(),
      },
    });
    const company = await createCompany(owner.id, {
      siren: withLuhnKey("55555555"),
      name: "Forges Morel",
      nafCode: "25.62B",
      sizeBand: "PME",
      communeCode: "42187",
    });
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
