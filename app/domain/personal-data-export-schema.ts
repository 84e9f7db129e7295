// The format of "Mes données" (/compte/donnees.json), as JSON Schema 2020-12: what a person takes
// away. Documented in the README; a test validates an export against it.
const date = { type: ["string", "null"], format: "date-time" } as const;
const text = { type: ["string", "null"] } as const;
const list = (items: object) => ({ type: "array", items }) as const;

export const personalDataExportSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "/compte/donnees.schema.json",
  title: "Données personnelles d'un compte de la plateforme VTE",
  type: "object",
  required: ["format", "generatedAt", "account", "profile", "applications", "savedSearches", "sessions", "companies", "promotions"],
  additionalProperties: false,
  properties: {
    format: { const: "vte-donnees-personnelles/1" },
    generatedAt: { type: "string", format: "date-time" },
    account: {
      type: "object",
      required: ["email", "firstName", "lastName", "role", "createdAt"],
      additionalProperties: false,
      properties: {
        email: { type: "string" },
        firstName: { type: "string" },
        lastName: { type: "string" },
        role: { enum: ["STUDENT", "COMPANY_MEMBER", "SCHOOL_STAFF", "OPERATOR"] },
        createdAt: { type: "string", format: "date-time" },
        emailVerifiedAt: date,
        mailOptOut: { type: "boolean" },
        school: text,
      },
    },
    profile: {
      description: "Le profil d'un étudiant ; null pour les autres comptes.",
      type: ["object", "null"],
      additionalProperties: false,
      properties: {
        establishment: text,
        schoolKind: { type: "string" },
        degreeLevel: text,
        field: { type: "string" },
        status: { type: "string" },
        graduationDate: text,
        skills: list({ type: "string" }),
        wishedTerritories: list({ type: "string" }),
        wishedRegions: list({ type: "string" }),
        wishedCommune: text,
        wishedRadiusKm: { type: ["integer", "null"] },
        contractTypes: list({ type: "string" }),
        availableFrom: text,
        visibleToCompanies: { type: "boolean" },
        cv: {
          type: ["object", "null"],
          required: ["fileName", "contentBase64"],
          additionalProperties: false,
          properties: { fileName: { type: "string" }, contentBase64: { type: "string", contentEncoding: "base64" } },
        },
        updatedAt: { type: "string", format: "date-time" },
      },
    },
    applications: list({
      type: "object",
      required: ["offer", "company", "message", "status", "createdAt", "history"],
      additionalProperties: false,
      properties: {
        offer: { type: "string" },
        company: { type: "string" },
        message: { type: "string" },
        withCv: { type: "boolean" },
        status: { type: "string" },
        createdAt: { type: "string", format: "date-time" },
        history: list({
          type: "object",
          required: ["to", "at"],
          additionalProperties: false,
          properties: { from: text, to: { type: "string" }, at: { type: "string", format: "date-time" }, message: text },
        }),
      },
    }),
    savedSearches: list({
      type: "object",
      required: ["name", "query", "frequency", "createdAt"],
      additionalProperties: false,
      properties: {
        name: { type: "string" },
        query: { type: "string" },
        frequency: { type: "string" },
        createdAt: { type: "string" },
        lastSentAt: date,
      },
    }),
    sessions: list({
      type: "object",
      required: ["createdAt", "expiresAt"],
      additionalProperties: false,
      properties: { createdAt: { type: "string", format: "date-time" }, expiresAt: { type: "string", format: "date-time" } },
    }),
    companies: list({
      type: "object",
      required: ["name", "siren", "role"],
      additionalProperties: false,
      properties: { name: { type: "string" }, siren: { type: "string" }, role: { type: "string" } },
    }),
    promotions: list({
      type: "object",
      required: ["offer", "note", "createdAt"],
      additionalProperties: false,
      properties: { offer: { type: "string" }, note: { type: "string" }, createdAt: { type: "string", format: "date-time" } },
    }),
  },
} as const;
