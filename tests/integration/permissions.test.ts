// Every company and operator route, tried as anonymous, a student, another company's member, the
// right member and an operator. The checks run on the server: these call the routes' own loaders
// and actions with the context the HTTP server builds.
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCompany } from "#app/companies/companies.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { withLuhnKey } from "#app/domain/siren";
import type { Role } from "#app/generated/prisma/enums";
import { saveOffer } from "#app/offers/offers.server";
import * as companyForm from "#app/routes/entreprise/company-form";
import * as companySpace from "#app/routes/entreprise/espace";
import * as members from "#app/routes/entreprise/membres";
import * as offerForm from "#app/routes/entreprise/offer-form";
import * as offerStatus from "#app/routes/entreprise/offer-status";
import * as operatorHome from "#app/routes/pilotage/accueil";
import * as companiesReview from "#app/routes/pilotage/entreprises";
import * as moderation from "#app/routes/pilotage/moderation";
import { openTestDatabase } from "./support";
import { offerInput } from "#tests/fixtures/offer-input";

type Who = "anonymous" | "student" | "otherMember" | "member" | "operator";
type Handler = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;

let database: Database;
const users: Partial<Record<Who, { id: string; email: string; role: Role }>> = {};
let offerId = "";

function contextFor(who: Who): AppLoadContext {
  const user = users[who];
  if (!user) return { session: null, clientIp: "127.0.0.1" };
  return {
    session: {
      id: "test",
      expiresAt: new Date(Date.now() + 86_400_000),
      renewed: false,
      user: { ...user, firstName: "Test", lastName: who, emailVerified: true },
    },
    clientIp: "127.0.0.1",
  };
}

/** The HTTP status a person would get: a thrown or returned Response's status, else 200. */
async function statusOf(
  handler: Handler,
  who: Who,
  path: string,
  method: "GET" | "POST",
  params: Record<string, string> = {},
): Promise<number> {
  const request = new Request(`http://127.0.0.1${path}`, method === "POST" ? { method, body: new FormData() } : { method });
  try {
    const result = await handler({ request, context: contextFor(who), params });
    return result instanceof Response ? result.status : 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  const make = async (who: Who, role: Role) => {
    const email = `${who.toLowerCase()}@permissions.test`;
    const user = await database.prisma.user.create({
      data: { email, passwordHash: "x", role, firstName: "Test", lastName: who, emailVerifiedAt: new Date() },
    });
    users[who] = { id: user.id, email, role };
    return user;
  };
  await make("student", "STUDENT");
  await make("operator", "OPERATOR");
  const member = await make("member", "COMPANY_MEMBER");
  const other = await make("otherMember", "COMPANY_MEMBER");
  const companyA = await createCompany(member.id, {
    siren: withLuhnKey("11111111"),
    name: "Entreprise A",
    nafCode: "25.62B",
    sizeBand: "PME",
    communeCode: "42187",
  });
  const companyB = await createCompany(other.id, {
    siren: withLuhnKey("22222222"),
    name: "Entreprise B",
    nafCode: "28.41Z",
    sizeBand: "ETI",
    communeCode: "13039",
  });
  if (companyA === "siren-taken" || companyB === "siren-taken") throw new Error("unexpected");
  offerId = (
    await saveOffer(
      companyA.id,
      null,
      offerInput({
        title: "Ingénieur qualité",
        description: "Une offre de l'entreprise A que l'entreprise B ne doit jamais voir ni modifier.",
        romeCode: "H1502",
        startDate: "2027-01-04",
      }),
      "draft",
    )
  ).id;
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

// Expected status for: anonymous, student, another company's member, the right member, an operator.
const companyRoutes: [string, Handler, string, "GET" | "POST", boolean, [number, number, number, number, number]][] = [
  ["company space", companySpace.loader as Handler, "/entreprise", "GET", false, [302, 403, 200, 200, 403]],
  ["company edit form", companyForm.loader as Handler, "/entreprise/modifier", "GET", false, [302, 403, 200, 200, 403]],
  ["company edit (empty form)", companyForm.action as Handler, "/entreprise/modifier", "POST", false, [302, 403, 200, 200, 403]],
  ["members", members.loader as Handler, "/entreprise/membres", "GET", false, [302, 403, 200, 200, 403]],
  ["invite a member (empty form)", members.action as Handler, "/entreprise/membres", "POST", false, [302, 403, 200, 200, 403]],
  ["new offer form", offerForm.loader as Handler, "/entreprise/offres/nouvelle", "GET", false, [302, 403, 200, 200, 403]],
  ["new offer (empty form)", offerForm.action as Handler, "/entreprise/offres/nouvelle", "POST", false, [302, 403, 200, 200, 403]],
  ["company A's offer", offerForm.loader as Handler, "/entreprise/offres/:id", "GET", true, [302, 403, 404, 200, 403]],
  ["edit company A's offer (empty form)", offerForm.action as Handler, "/entreprise/offres/:id", "POST", true, [302, 403, 404, 200, 403]],
  [
    "change the status of company A's offer (no intent)",
    offerStatus.action as Handler,
    "/entreprise/offres/:id/statut",
    "POST",
    true,
    [302, 403, 404, 400, 403],
  ],
  ["operator home", operatorHome.loader as Handler, "/pilotage", "GET", false, [302, 403, 403, 403, 200]],
  ["moderation queue", moderation.loader as Handler, "/pilotage/moderation", "GET", false, [302, 403, 403, 403, 200]],
  ["moderate (empty form)", moderation.action as Handler, "/pilotage/moderation", "POST", false, [302, 403, 403, 403, 200]],
  ["companies to verify", companiesReview.loader as Handler, "/pilotage/entreprises", "GET", false, [302, 403, 403, 403, 200]],
  ["verify a company (empty form)", companiesReview.action as Handler, "/pilotage/entreprises", "POST", false, [302, 403, 403, 403, 200]],
];

const people: Who[] = ["anonymous", "student", "otherMember", "member", "operator"];

describe.each(companyRoutes)("%s", (_name, handler, path, method, usesOffer, expected) => {
  test.each(people.map((who, i) => [who, expected[i]] as const))("as %s: %i", async (who, status) => {
    const params: Record<string, string> = usesOffer ? { id: offerId } : {};
    expect(await statusOf(handler, who, path.replace(":id", offerId), method, params)).toBe(status);
  });
});

test("an anonymous visitor is sent to log in and brought back to the page asked for", async () => {
  const request = new Request("http://127.0.0.1/entreprise/offres/nouvelle");
  const response = (await (offerForm.loader as Handler)({ request, context: contextFor("anonymous"), params: {} }).catch(
    (e) => e,
  )) as Response;
  expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fentreprise%2Foffres%2Fnouvelle");
});

test("another company's member cannot close company A's offer by posting the action", async () => {
  const request = new Request(`http://127.0.0.1/entreprise/offres/${offerId}/statut`, {
    method: "POST",
    body: new URLSearchParams({ intent: "close" }),
  });
  const status = await (offerStatus.action as Handler)({ request, context: contextFor("otherMember"), params: { id: offerId } }).catch(
    (e: Response) => e.status,
  );
  expect(status).toBe(404);
  expect((await database.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("DRAFT");
});
