// Flow 1 with a real Meilisearch that we stop and restart: writes succeed while it is down, the
// worker retries with backoff, and once it is back every published offer is indexed. Mails go
// through the outbox to a real SMTP server.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCompany, verifyCompany } from "#app/companies/companies.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { approveOffer, changeOfferStatus, saveOffer, type OfferInput } from "#app/offers/offers.server";
import { enqueue, failedOutboxJobs, outboxRetry, retryFailedOutboxJobs, runOutboxBatch } from "#app/platform/outbox.server";
import type { JobHandlers } from "#app/platform/job-payloads";
import { withLuhnKey } from "#app/domain/siren";
import { sendMailJob } from "#emails/outbox.server";
import { createMailTransport, type MailTransport } from "#emails/transport.server";
import { compareIndex } from "#search/check";
import { createSearchClient } from "#search/client";
import { startLocalMeilisearch, type LocalMeilisearch } from "#search/local-server";
import { applyOfferIndexSettings, offerIndexName } from "#search/offer-index";
import { syncOfferDocument } from "#search/offer-document";
import { startSmtpSink } from "./smtp-sink";
import { openTestDatabase } from "./support";
import { offerInput } from "#tests/fixtures/offer-input";

const offer = (title: string): OfferInput =>
  offerInput({
    title,
    description: "Vous pilotez l'industrialisation de nos nouvelles pièces mécaniques et la ligne robotisée.",
    remote: "PARTIAL",
    payMin: 38000,
    payMax: 45000,
    payPeriod: "YEAR",
  });

describe("indexing through the outbox while Meilisearch goes down and comes back", () => {
  let database: Database;
  let dataRoot: string;
  let meili: LocalMeilisearch;
  let search: Meilisearch;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mail: MailTransport;
  let memberId = "";
  let companyId: string;
  const handlers: JobHandlers = {
    "search.offer": (payload) => syncOfferDocument(database.prisma, search, payload.offerId),
    mail: (payload) => sendMailJob(mail, payload),
  };
  const drain = () => runOutboxBatch(database.sql, handlers, 100);

  beforeAll(async () => {
    database = await openTestDatabase();
    setDatabase(database);
    dataRoot = await mkdtemp(path.join(os.tmpdir(), "vte-outbox-"));
    meili = await startLocalMeilisearch({ dataRoot });
    search = createSearchClient(meili.url, meili.masterKey);
    await applyOfferIndexSettings(search);
    smtp = await startSmtpSink();
    mail = createMailTransport({ smtpUrl: smtp.url });
    const user = await database.prisma.user.create({
      data: {
        email: "rh@forges-roannaises.fr",
        passwordHash: "x",
        role: "COMPANY_MEMBER",
        firstName: "Camille",
        lastName: "Durand",
        emailVerifiedAt: new Date(),
      },
    });
    const created = await createCompany(user.id, {
      siren: withLuhnKey("42187001"),
      name: "Forges Roannaises",
      nafCode: "25.62B",
      sizeBand: "PME",
      communeCode: "42187",
    });
    if (created === "siren-taken") throw new Error("unexpected");
    await verifyCompany(created.id, "operateur-test");
    companyId = created.id;
    memberId = user.id;
  });
  afterAll(async () => {
    mail.close();
    await smtp.stop();
    await meili.stop();
    setDatabase(undefined);
    await database.close();
    await rm(dataRoot, { recursive: true, force: true });
  });

  test("an approved offer is indexed by the worker, and the company gets the approval mail", async () => {
    const { id } = await saveOffer(companyId, null, offer("Ingénieur méthodes"), "submit");
    await approveOffer(id, "http://127.0.0.1:3000");
    expect(await drain()).toEqual({ done: 2, failed: 0 });
    const hits = await search.index(offerIndexName).search("ingenieur methodes");
    expect(hits.hits.map((h) => h.id)).toContain(id);
    expect(smtp.received.map((m) => m.subject)).toContain("Votre offre « Ingénieur méthodes » est publiée");
  });

  test("with Meilisearch stopped, an offer is still created and approved; the job waits with its error", async () => {
    await meili.stop();
    const { id } = await saveOffer(companyId, null, offer("Responsable qualité fournisseurs"), "submit");
    await approveOffer(id, "http://127.0.0.1:3000");
    expect((await database.prisma.offer.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");
    const result = await drain();
    expect(result.failed).toBe(1);
    const job = await database.prisma.outboxJob.findFirstOrThrow({ where: { kind: "search.offer", status: "PENDING" } });
    expect(job.attempts).toBe(1);
    expect(job.lastError).toBeTruthy();
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());

    meili = await startLocalMeilisearch({ dataRoot });
    search = createSearchClient(meili.url, meili.masterKey);
    // The backoff has not elapsed yet: nothing is retried early.
    expect(await drain()).toEqual({ done: 0, failed: 0 });
    await database.prisma.outboxJob.updateMany({ where: { status: "PENDING" }, data: { runAt: new Date() } });
    expect(await drain()).toEqual({ done: 1, failed: 0 });
    const differences = await compareIndex(database.prisma, search);
    expect(differences).toMatchObject({ missing: [], unexpected: [], stale: [], checked: 2 });
  });

  test("a closed offer leaves the index", async () => {
    const open = await database.prisma.offer.findFirstOrThrow({ where: { title: "Ingénieur méthodes" } });
    await changeOfferStatus(companyId, open.id, "close", memberId);
    await drain();
    const hits = await search.index(offerIndexName).search("ingenieur methodes");
    expect(hits.hits.map((h) => h.id)).not.toContain(open.id);
  });

  test("jobs run in the order they were written, whatever order the database returns them in", async () => {
    await database.prisma.outboxJob.updateMany({ where: { status: "PENDING" }, data: { status: "DONE" } });
    // Written in this order; the oldest row updated last, so a scan may return it last or first.
    for (const step of ["publish", "edit", "close"])
      await database.prisma.$transaction((tx) => enqueue(tx, "search.offer", { offerId: step }));
    await database.sql.query("UPDATE outbox_job SET updated_at = now() WHERE payload->>'offerId' = 'publish'");
    const seen: string[] = [];
    await runOutboxBatch(database.sql, { "search.offer": async (payload) => void seen.push(payload.offerId) });
    expect(seen).toEqual(["publish", "edit", "close"]);
  });

  test("a job that keeps failing is retried at most 10 minutes apart, and gives up only once older than the limit, with its last error", async () => {
    await database.prisma.outboxJob.create({ data: { kind: "search.offer", payload: { offerId: "missing" } } });
    const failing: JobHandlers = { "search.offer": async () => Promise.reject(new Error("Meilisearch ne répond pas")) };
    const find = () => database.prisma.outboxJob.findFirstOrThrow({ where: { payload: { equals: { offerId: "missing" } } } });
    for (let i = 0; i < 20; i++) {
      await runOutboxBatch(database.sql, failing);
      const job = await find();
      expect(job.status).toBe("PENDING");
      expect(job.runAt.getTime() - Date.now()).toBeLessThanOrEqual(outboxRetry.maxDelaySeconds * 1000);
      await database.prisma.outboxJob.update({ where: { id: job.id }, data: { runAt: new Date() } });
    }
    // Older than the limit: the next failure is the last.
    await database.prisma.outboxJob.update({
      where: { id: (await find()).id },
      data: { createdAt: new Date(Date.now() - (outboxRetry.giveUpAfterHours + 1) * 3_600_000) },
    });
    await runOutboxBatch(database.sql, failing);
    expect(await find()).toMatchObject({ status: "FAILED", attempts: 21, lastError: "Meilisearch ne répond pas" });
    expect(await failedOutboxJobs(database.sql)).toEqual([{ kind: "search.offer", count: 1 }]);
    // `npm run outbox:retry` puts it back, due now.
    expect(await retryFailedOutboxJobs(database.sql)).toBe(1);
    expect(await find()).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await failedOutboxJobs(database.sql)).toEqual([]);
    await database.prisma.outboxJob.updateMany({ where: { payload: { equals: { offerId: "missing" } } }, data: { status: "DONE" } });
  });
});
