// Mail and jobs (issue 11): a sent mail leaves no secret in the outbox, a relay that accepts and
// never answers neither hangs the worker nor holds indexing back, and mail is not lost to an outage.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { requestPasswordReset, signUp } from "#app/accounts/auth.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { startOutboxWorker, runOutboxBatch } from "#app/platform/outbox.server";
import * as health from "#app/routes/healthz/route";
import { sendMailJob } from "#emails/outbox.server";
import { createMailTransport, smtpTimeouts } from "#emails/transport.server";
import { startSmtpSink } from "./smtp-sink";
import { openTestDatabase } from "./support";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe("secrets in mails live in the outbox only until the mail is sent", () => {
  test("after sending, no reset link, verification code or verification link is left in outbox_job", async () => {
    const smtp = await startSmtpSink();
    const transport = createMailTransport({ smtpUrl: smtp.url });
    try {
      const created = await signUp(
        { email: "secret@exemple.test", password: "Un-mot-de-passe-solide-2026", firstName: "Anne", lastName: "Secret", role: "STUDENT" },
        "https://vte.example.fr",
        "10.0.0.1",
      );
      expect(created).toEqual({ outcome: "code-sent" });
      await requestPasswordReset("secret@exemple.test", "https://vte.example.fr", "10.0.0.1");
      const before = await database.sql.query<{ payload: string }>(`SELECT payload::text AS payload FROM outbox_job WHERE kind = 'mail'`);
      expect(before.map((row) => row.payload).join("\n")).toContain("/mot-de-passe-oublie/");
      await runOutboxBatch(database.sql, { mail: (payload) => sendMailJob(transport, payload) });
      expect(smtp.received).toHaveLength(2);
      const code = /\b(\d{6})\b/.exec(smtp.received.find((mail) => /code|vérif/i.test(mail.subject))?.text ?? "")?.[1];
      const resetToken = /mot-de-passe-oublie\/([A-Za-z0-9]+)/.exec(smtp.received.map((mail) => mail.text).join("\n"))?.[1];
      expect(code).toMatch(/^\d{6}$/);
      expect(resetToken).toBeTruthy();
      const after = await database.sql.query<{ payload: string; status: string }>(
        `SELECT payload::text AS payload, status FROM outbox_job WHERE kind = 'mail'`,
      );
      expect(after.every((row) => row.status === "DONE")).toBe(true);
      const stored = after.map((row) => row.payload).join("\n");
      expect(stored).not.toContain(resetToken);
      expect(stored).not.toContain(code);
      expect(stored).not.toContain("/verification/");
      expect(stored).not.toContain("secret@exemple.test");
    } finally {
      transport.close();
      await smtp.stop();
    }
  });
});

describe("a relay that accepts connections and never answers", () => {
  let silentRelay: net.Server;
  let relayUrl = "";
  const sockets: net.Socket[] = [];

  beforeAll(async () => {
    silentRelay = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silentRelay.listen(0, "127.0.0.1", resolve));
    relayUrl = `smtp://127.0.0.1:${(silentRelay.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silentRelay.close(resolve));
  });

  test("a send gives up after the greeting timeout instead of waiting minutes", async () => {
    const transport = createMailTransport({ smtpUrl: relayUrl });
    const started = performance.now();
    await expect(transport.send({ to: "personne@exemple.fr", subject: "Essai", html: "<p>Essai</p>", text: "Essai" })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(smtpTimeouts.greetingTimeout + 5_000);
    transport.close();
  }, 30_000);

  test("indexing does not wait behind mail: an index job written after a stuck mail runs at once", async () => {
    await database.sql.query(`UPDATE outbox_job SET status = 'DONE' WHERE status = 'PENDING'`);
    const transport = createMailTransport({ smtpUrl: relayUrl });
    const indexed: number[] = [];
    await database.prisma.$transaction(async (tx) => {
      for (let i = 0; i < 1; i++) {
        await tx.outboxJob.create({
          data: {
            kind: "mail",
            payload: {
              to: `etudiant${i}@exemple.fr`,
              template: "passwordChanged",
              props: { firstName: "A", resetLink: "https://vte.example.fr/mot-de-passe-oublie" },
            },
          },
        });
      }
      await tx.outboxJob.create({ data: { kind: "search.offer", payload: { offerId: "approuvee" } } });
    });
    const started = performance.now();
    const worker = startOutboxWorker(database.sql, {
      mail: (payload) => sendMailJob(transport, payload),
      "search.offer": async () => void indexed.push(performance.now() - started),
    });
    try {
      await expect.poll(() => indexed.length, { timeout: 5_000 }).toBe(1);
      expect(indexed[0]).toBeLessThan(3_000);
    } finally {
      await worker.stop();
      transport.close();
    }
    // The stuck mails are not lost: they failed this time and wait for their next try.
    const mails = await database.prisma.outboxJob.findMany({ where: { kind: "mail", status: { not: "DONE" } } });
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((job) => job.status === "PENDING")).toBe(true);
  }, 60_000);
});

describe("/healthz", () => {
  const ask = async (context: { clientIp: string; operator?: boolean }) => {
    const session = context.operator
      ? {
          id: "t",
          expiresAt: new Date(Date.now() + 60_000),
          renewed: false,
          user: { id: "op", email: "op@vte.test", role: "OPERATOR" as const, firstName: "O", lastName: "P", emailVerified: true },
        }
      : null;
    const response = (await health.loader({
      request: new Request("http://127.0.0.1/healthz"),
      context: { session, clientIp: context.clientIp },
      params: {},
    })) as Response;
    return response.json();
  };

  test("tells the public only up or down per part; operators and this machine see the details and the failed jobs", async () => {
    await database.prisma.outboxJob.create({
      data: {
        kind: "mail",
        payload: { to: "x@exemple.fr", template: "passwordChanged", props: {} },
        status: "FAILED",
        lastError: "relais injoignable",
      },
    });
    const publicView = await ask({ clientIp: "203.0.113.5" });
    expect(Object.keys(publicView)).toEqual(["status", "database", "search", "mail"]);
    expect(publicView.database).toEqual({ ok: true });
    expect(publicView.search).toEqual({ ok: false });
    for (const view of [await ask({ clientIp: "127.0.0.1" }), await ask({ clientIp: "203.0.113.5", operator: true })]) {
      expect(view.database).toEqual({ ok: true, detail: database.kind });
      expect(view.search).toEqual({ ok: false, detail: "no search engine configured" });
      expect(view.failedJobs).toEqual([{ kind: "mail", count: 1 }]);
    }
  });
});
