// Retention (issue 15), with the clock moved forward: an account nobody logs in to is warned at 23
// months and anonymised at 24, its CV erased after 12; an account in use is left alone; a second
// run changes nothing; --dry-run counts without changing anything.
import { afterAll, beforeAll, expect, test } from "vitest";
import { personalDataCounts, runRetention } from "#app/personal-data/retention.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { openTestDatabase } from "./support";

let database: Database;
const start = new Date("2026-12-01T09:00:00Z");
const monthsLater = (months: number, days = 0) => {
  const date = new Date(start);
  date.setUTCMonth(date.getUTCMonth() + months);
  return new Date(date.getTime() + days * 86_400_000);
};
let idle = "";
let active = "";

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  const student = (email: string, firstName: string) =>
    database.prisma.user.create({
      data: {
        email,
        firstName,
        lastName: "Martin",
        passwordHash: "x",
        role: "STUDENT",
        emailVerifiedAt: start,
        lastSeenAt: start,
        studentProfile: {
          create: {
            schoolKind: "ENGINEERING",
            degreeLevel: "BAC5",
            field: "Génie civil",
            status: "STUDENT",
            cv: Buffer.from("%PDF-1.7 cv"),
            cvFileName: "cv.pdf",
          },
        },
      },
    });
  idle = (await student("absente@etu.ecole.fr", "Agathe")).id;
  active = (await student("presente@etu.ecole.fr", "Bastien")).id;
});
afterAll(async () => {
  setDatabase(undefined);
  await database?.close();
});

/** The active student logs in the day before each run. */
const run = async (now: Date, dryRun = false) => {
  await database.prisma.user.update({ where: { id: active }, data: { lastSeenAt: new Date(now.getTime() - 86_400_000) } });
  return runRetention({ now, dryRun });
};
const user = (id: string) => database.prisma.user.findUniqueOrThrow({ where: { id }, include: { studentProfile: true } });
const warningMails = () =>
  database.prisma.outboxJob.count({ where: { kind: "mail", payload: { path: ["template"], equals: "inactivityWarning" } } });

test("inactive: CV erased at 12 months, warned at 23, anonymised at 24; in use: untouched; each step once", async () => {
  expect(await run(monthsLater(11))).toMatchObject({ warned: 0, anonymised: 0, cvsErased: 0 });
  expect(await run(monthsLater(12, 1))).toMatchObject({ warned: 0, anonymised: 0, cvsErased: 1 });
  expect((await user(idle)).studentProfile).toMatchObject({ cv: null, cvFileName: null });

  expect(await run(monthsLater(22))).toMatchObject({ warned: 0, anonymised: 0 });
  const dryRun = await run(monthsLater(23, 1), true);
  expect(dryRun).toMatchObject({ warned: 1, anonymised: 0 });
  expect((await user(idle)).inactivityWarnedAt).toBeNull();
  expect(await run(monthsLater(23, 1))).toMatchObject({ warned: 1, anonymised: 0 });
  expect(await warningMails()).toBe(1);
  expect(await run(monthsLater(23, 2))).toMatchObject({ warned: 0, anonymised: 0 });
  expect(await warningMails()).toBe(1);

  expect(await run(monthsLater(24, 2))).toMatchObject({ warned: 0, anonymised: 1 });
  expect(await user(idle)).toMatchObject({ firstName: "Compte", lastName: "supprimé", studentProfile: null });
  expect(await run(monthsLater(24, 3))).toMatchObject({ warned: 0, anonymised: 0, cvsErased: 0 });

  const kept = await user(active);
  expect(kept).toMatchObject({ email: "presente@etu.ecole.fr", firstName: "Bastien", anonymisedAt: null, inactivityWarnedAt: null });
  expect(kept.studentProfile).toMatchObject({ cvFileName: "cv.pdf" });
  expect(await personalDataCounts()).toEqual({ anonymised: 1, deletionsPending: 0, warned: 0 });
});

test("sessions, codes and links that have served are purged, live ones kept", async () => {
  const now = monthsLater(25);
  await database.prisma.session.createMany({
    data: [
      { id: "expired-session", userId: active, expiresAt: new Date(now.getTime() - 1000) },
      { id: "live-session", userId: active, expiresAt: new Date(now.getTime() + 86_400_000) },
    ],
  });
  await database.prisma.userToken.createMany({
    data: [
      { userId: active, purpose: "PASSWORD_RESET", tokenHash: "used", expiresAt: new Date(now.getTime() + 3_600_000), usedAt: now },
      { userId: active, purpose: "PASSWORD_RESET", tokenHash: "live", expiresAt: new Date(now.getTime() + 3_600_000) },
    ],
  });
  const report = await run(now);
  expect(report).toMatchObject({ sessionsPurged: 1, tokensPurged: 1 });
  expect((await database.prisma.session.findMany({ where: { userId: active } })).map((s) => s.id)).toEqual(["live-session"]);
  expect((await database.prisma.userToken.findMany({ where: { userId: active } })).map((t) => t.tokenHash)).toEqual(["live"]);
});
