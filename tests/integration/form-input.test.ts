// Bad input in every form: empty, too long, wrong type, HTML/script and non-Latin text. Each gets a
// French message at its field, what was typed comes back (passwords excepted), and nothing throws.
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCompany } from "#app/companies/companies.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { withLuhnKey } from "#app/domain/siren";
import type { Role } from "#app/generated/prisma/enums";
import * as logIn from "#app/routes/compte/connexion";
import * as signUp from "#app/routes/compte/inscription";
import * as changePassword from "#app/routes/compte/mot-de-passe";
import * as forgot from "#app/routes/compte/mot-de-passe-oublie";
import * as companyForm from "#app/routes/entreprise/company-form";
import * as members from "#app/routes/entreprise/membres";
import * as offerForm from "#app/routes/entreprise/offer-form";
import * as moderation from "#app/routes/pilotage/moderation";
import { openTestDatabase } from "./support";

type Action = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;
type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };

let database: Database;
const contexts: Record<string, AppLoadContext> = {};

const tooLong = "Lorem ipsum ".repeat(1000);
const html = "<script>alert('x')</script>";
const nonLatin = "工程师 Инженер";

async function submit(action: Action, path: string, fields: Record<string, string>, who?: string): Promise<Reply> {
  const body = new URLSearchParams(fields);
  const request = new Request(`http://127.0.0.1${path}`, { method: "POST", body });
  const result = (await action({ request, context: who ? contexts[who] : { session: null, clientIp: "127.0.0.1" }, params: {} })) as Record<
    string,
    unknown
  >;
  expect(result).not.toBeInstanceOf(Response);
  return ("reply" in result ? result.reply : result) as Reply;
}

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  const make = async (key: string, role: Role) => {
    const user = await database.prisma.user.create({
      data: { email: `${key}@saisie.test`, passwordHash: "x", role, firstName: "Test", lastName: key, emailVerifiedAt: new Date() },
    });
    contexts[key] = {
      session: {
        id: "t",
        expiresAt: new Date(Date.now() + 86_400_000),
        renewed: false,
        user: { id: user.id, email: user.email, role, firstName: "Test", lastName: key, emailVerified: true },
      },
      clientIp: "127.0.0.1",
    };
    return user;
  };
  await make("newMember", "COMPANY_MEMBER");
  await make("operator", "OPERATOR");
  const member = await make("member", "COMPANY_MEMBER");
  await createCompany(member.id, {
    siren: withLuhnKey("33333333"),
    name: "Ateliers Saisie",
    nafCode: "25.62B",
    sizeBand: "PME",
    communeCode: "42187",
  });
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

const valid = {
  signUp: {
    role: "STUDENT",
    firstName: "Zoé",
    lastName: "Martin",
    email: "zoe.martin@exemple.fr",
    password: "Une-phrase-de-passe-longue",
    terms: "on",
  },
  company: {
    siren: withLuhnKey("44444444"),
    name: "Forges du Roannais",
    naf: "25.62B",
    sizeBand: "PME",
    postalCode: "42300",
    communeName: "Roanne",
  },
  offer: {
    intent: "draft",
    title: "Ingénieur méthodes",
    description: "Vous industrialisez nos nouvelles pièces et conduisez le projet de ligne robotisée.",
    rome: "H1206",
    contractType: "CDI",
    durationMonths: "",
    startDate: "2030-01-07",
    degreeLevel: "BAC5",
    schoolKinds: "ENGINEERING",
    postalCode: "42300",
    communeName: "Roanne",
    remote: "NONE",
    payMin: "",
    payMax: "",
    payPeriod: "",
    positions: "1",
  },
};

type Case = [label: string, field: string, value: string, message: RegExp];
const forms: {
  name: string;
  action: Action;
  path: string;
  who?: string;
  base: Record<string, string>;
  cases: Case[];
  secret?: string[];
  textField?: string;
  forceError?: Record<string, string>;
}[] = [
  {
    name: "sign-up",
    action: signUp.action as Action,
    path: "/inscription",
    base: valid.signUp,
    secret: ["password"],
    textField: "firstName",
    forceError: { email: "" },
    cases: [
      ["empty", "firstName", "", /obligatoire/],
      ["too long", "lastName", tooLong, /au plus 80 caractères/i],
      ["HTML", "firstName", html, /lettres, espaces/],
      ["wrong type", "email", "zoe.martin", /adresse e-mail valide/],
      ["non-Latin", "email", "佐藤@例え.jp", /adresse e-mail valide/],
      ["too short", "password", "court", /au moins 10 caractères/],
      ["too common", "password", "azertyuiop", /trop courant/],
      ["wrong type", "role", "OPERATOR", /Choisissez votre profil/],
      ["not accepted", "terms", "", /Acceptez les conditions/],
    ],
  },
  {
    name: "log-in",
    action: logIn.action as Action,
    path: "/connexion",
    base: { email: "zoe@exemple.fr", password: "x".repeat(12) },
    secret: ["password"],
    cases: [
      ["empty", "email", "", /obligatoire/],
      ["too long", "email", `${"a".repeat(300)}@exemple.fr`, /254 caractères/],
      ["HTML", "email", html, /adresse e-mail valide/],
    ],
  },
  {
    name: "forgotten password",
    action: forgot.action as Action,
    path: "/mot-de-passe-oublie",
    base: { email: "zoe@exemple.fr" },
    cases: [
      ["empty", "email", "", /obligatoire/],
      ["non-Latin", "email", nonLatin, /adresse e-mail valide/],
    ],
  },
  {
    name: "password change",
    action: changePassword.action as Action,
    path: "/mot-de-passe",
    who: "member",
    base: { currentPassword: "Mot-de-passe-actuel", password: "Un-nouveau-mot-de-passe", confirmation: "Un-nouveau-mot-de-passe" },
    secret: ["currentPassword", "password", "confirmation"],
    cases: [
      ["empty", "currentPassword", "", /obligatoire/],
      ["too short", "password", "court", /au moins 10 caractères/],
      ["not confirmed", "confirmation", "Un-autre-mot-de-passe", /pas identiques/],
      ["unchanged", "password", "Mot-de-passe-actuel", /différent de l'actuel/],
    ],
  },
  {
    name: "company",
    action: companyForm.action as Action,
    path: "/entreprise/creer",
    who: "newMember",
    base: valid.company,
    textField: "name",
    forceError: { siren: "" },
    cases: [
      ["empty", "siren", "", /obligatoire/],
      ["wrong type", "siren", "ABC123456", /que des chiffres/],
      ["wrong length", "siren", "12345", /9 chiffres/],
      ["bad check digit", "siren", "542107652", /clé de contrôle/],
      ["too long", "name", tooLong, /au plus 120 caractères/i],
      ["HTML", "name", html, /HTML/],
      ["unknown activity", "naf", "99.99Z", /NAF/],
      ["wrong type", "postalCode", "Roanne", /5 chiffres/],
      ["non-Latin", "communeName", nonLatin, /Aucune commune/],
      ["wrong type", "sizeBand", "ENORME", /taille/],
    ],
  },
  {
    name: "member invitation",
    action: members.action as Action,
    path: "/entreprise/membres",
    who: "member",
    base: { email: "collegue@exemple.fr" },
    cases: [
      ["empty", "email", "", /obligatoire/],
      ["HTML", "email", html, /adresse e-mail valide/],
    ],
  },
  {
    name: "offer",
    action: offerForm.action as Action,
    path: "/entreprise/offres/nouvelle",
    who: "member",
    base: valid.offer,
    textField: "title",
    forceError: { positions: "beaucoup" },
    cases: [
      ["empty", "title", "", /obligatoire/],
      ["too long", "description", tooLong, /au plus 8000 caractères/i],
      ["HTML", "description", `${html} et une description assez longue pour passer le minimum requis.`, /HTML/],
      ["unknown job", "rome", nonLatin, /ROME/],
      ["wrong type", "durationMonths", "douze", /saisissez un nombre/],
      ["wrong date", "startDate", "31/02/2030", /date/],
      ["past date", "startDate", "2020-01-06", /passée/],
      ["wrong type", "positions", "beaucoup", /saisissez un nombre/],
      ["wrong type", "payMin", "-5", /au moins 1/],
      ["no school kind", "schoolKinds", "", /type d'école/],
    ],
  },
];

describe.each(forms)("the $name form", ({ action, path, who, base, cases, secret }) => {
  test.each(cases)("%s %s gets a French message at the field and keeps what was typed", async (_label, field, value, message) => {
    const reply = await submit(action, path, { ...base, [field]: value }, who);
    expect(reply.status).toBe("error");
    expect((reply.error?.[field] ?? []).join(" ")).toMatch(message);
    for (const [name, typed] of Object.entries({ ...base, [field]: value })) {
      if (secret?.includes(name) || typed === "" || name === "intent") continue;
      const kept = reply.initialValue?.[name];
      expect(Array.isArray(kept) ? kept : [kept]).toContain(typed);
    }
  });
});

test.each(forms.filter((form) => form.textField))(
  "the $name form accepts non-Latin text and keeps it as typed",
  async ({ action, path, who, base, textField, forceError }) => {
    // Another field is wrong, so the form comes back and shows what it kept.
    const field = textField as string;
    const reply = await submit(action, path, { ...base, [field]: "Инженер 工程师", ...forceError }, who);
    expect(reply.initialValue?.[field]).toBe("Инженер 工程师");
    expect(reply.error?.[field] ?? null).toBeNull();
  },
);

test("a wrong current password is refused at its field, and no password is sent back", async () => {
  const typed = { currentPassword: "Pas-le-mot-de-passe", password: "Un-nouveau-mot-de-passe", confirmation: "Un-nouveau-mot-de-passe" };
  const reply = await submit(changePassword.action as Action, "/mot-de-passe", typed, "member");
  expect(reply.error?.currentPassword).toEqual(["Ce n'est pas votre mot de passe actuel."]);
  expect(JSON.stringify(reply)).not.toContain("Pas-le-mot-de-passe");
  expect(JSON.stringify(reply)).not.toContain("Un-nouveau-mot-de-passe");
});

test("a fixed-term contract without a duration is asked for its duration", async () => {
  const reply = await submit(
    offerForm.action as Action,
    "/entreprise/offres/nouvelle",
    { ...valid.offer, contractType: "CDD", durationMonths: "" },
    "member",
  );
  expect(reply.error?.durationMonths).toEqual(["Indiquez la durée du contrat en mois."]);
  expect(reply.initialValue?.contractType).toBe("CDD");
});

test("a rejection without a reason is refused at the field, keeping the offer in the queue", async () => {
  const offer = await database.prisma.offer.create({
    data: {
      companyId: (await database.prisma.company.findFirstOrThrow()).id,
      title: "Offre à modérer",
      description: "x".repeat(60),
      romeCode: "H1206",
      contractType: "CDI",
      startDate: new Date("2030-01-07"),
      degreeLevel: "BAC5",
      communeCode: "42187",
      regionCode: "84",
      departmentCode: "42",
      status: "PENDING_REVIEW",
      submittedAt: new Date(),
    },
  });
  for (const reason of ["", "court", html]) {
    const request = new Request("http://127.0.0.1/pilotage/moderation", {
      method: "POST",
      body: new URLSearchParams({ intent: "reject", offerId: offer.id, reason }),
    });
    const result = (await (moderation.action as Action)({ request, context: contexts.operator, params: {} })) as {
      errors: string[];
      reason: string;
    };
    expect(result.errors.join(" ")).toMatch(/obligatoire|Au moins 10 caractères|HTML/);
    expect(result.reason).toBe(reason);
  }
  expect((await database.prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PENDING_REVIEW");
});

describe("the offer's title and its métier", () => {
  test("a ROME job title as the title, the métier left empty: the offer is saved under its fiche, with its job title", async () => {
    const body = new URLSearchParams({ ...valid.offer, title: "Chaudronnier / Chaudronnière", rome: "" });
    const request = new Request("http://127.0.0.1/entreprise/offres/nouvelle", { method: "POST", body });
    const result = await (offerForm.action as Action)({ request, context: contexts.member, params: {} });
    expect(result).toBeInstanceOf(Response);
    const id = /\/entreprise\/offres\/([^?]+)/.exec((result as Response).headers.get("Location") ?? "")?.[1];
    const offer = await database.prisma.offer.findUniqueOrThrow({ where: { id }, include: { appellation: true } });
    expect(offer.romeCode).toBe("H2902");
    expect(offer.appellation?.label).toBe("Chaudronnier / Chaudronnière");
  });

  test("a free title with no métier: the métier field names the fiches close to the title, and the title is kept", async () => {
    const reply = await submit(
      offerForm.action as Action,
      "/entreprise/offres/nouvelle",
      { ...valid.offer, title: "Chaudronnier expérimenté", rome: "" },
      "member",
    );
    expect(reply.error?.rome?.join(" ")).toMatch(/Métiers proches de votre intitulé : H2902 — Chaudronnier \/ Chaudronnière/);
    expect(reply.initialValue?.title).toBe("Chaudronnier expérimenté");
  });
});
