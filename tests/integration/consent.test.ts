// Consent (issue 15): sign-up records the version of the terms accepted and when; a person whose
// accepted version is older (or who signed up before terms existed) is shown the new ones at their
// next log-in, and accepting records them.
import { expect, test } from "vitest";
import { hashPassword, signUp } from "#app/accounts/auth.server";
import { termsVersion } from "#app/domain/personal-data";
import * as conditions from "#app/routes/compte/conditions";
import * as connexion from "#app/routes/compte/connexion";
import { callRoute, contextOf, withTestDatabase, type RouteHandler } from "./support";

const testDatabase = withTestDatabase();

test("sign-up records the terms in force and when they were accepted", async () => {
  const before = new Date();
  await signUp(
    { email: "nina@etu.ecole.fr", password: "Une-phrase-de-passe-longue", firstName: "Nina", lastName: "Petit", role: "STUDENT" },
    "http://127.0.0.1",
    "10.1.0.1",
  );
  const user = await testDatabase().prisma.user.findUniqueOrThrow({ where: { email: "nina@etu.ecole.fr" } });
  expect(user.termsVersion).toBe(termsVersion);
  expect(user.termsAcceptedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
});

test("an older acceptance sends the person to the new terms at log-in; accepting records them and goes on", async () => {
  const user = await testDatabase().prisma.user.create({
    data: {
      email: "marc@forges.fr",
      passwordHash: await hashPassword("Un-mot-de-passe-solide"),
      role: "COMPANY_MEMBER",
      firstName: "Marc",
      lastName: "Blanc",
      emailVerifiedAt: new Date(),
      termsVersion: "2025-01-01",
      termsAcceptedAt: new Date("2025-01-01"),
    },
  });
  const login = await callRoute(connexion.action as unknown as RouteHandler, contextOf(null), "/connexion", {
    form: { email: "marc@forges.fr", password: "Un-mot-de-passe-solide", redirectTo: "/entreprise/membres" },
  });
  expect(login.status).toBe(302);
  expect((login.body as Response).headers.get("Location")).toBe(
    `/compte/conditions?redirectTo=${encodeURIComponent("/entreprise/membres")}`,
  );

  const accepted = await callRoute(
    conditions.action as unknown as RouteHandler,
    contextOf({ id: user.id, email: user.email, role: "COMPANY_MEMBER" }),
    "/compte/conditions",
    { form: { redirectTo: "/entreprise/membres" } },
  );
  expect((accepted.body as Response).headers.get("Location")).toBe("/entreprise/membres");
  expect(await testDatabase().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ termsVersion });

  // Once accepted, a log-in goes straight on.
  const again = await callRoute(connexion.action as unknown as RouteHandler, contextOf(null), "/connexion", {
    form: { email: "marc@forges.fr", password: "Un-mot-de-passe-solide", redirectTo: "/entreprise/membres" },
  });
  expect((again.body as Response).headers.get("Location")).toBe("/entreprise/membres");
});
