// The machine-readable description of the open data /api/stats/territoires.json (JSON Schema
// 2020-12), served at /api/stats/territoires.schema.json and documented in the README. A test
// validates the served data against it.
import { suppressionThreshold } from "./disclosure";

const count = {
  type: ["integer", "null"],
  minimum: 0,
  not: { type: "integer", minimum: 1, maximum: suppressionThreshold - 1 },
  description: `Effectif ; null quand il est masqué (de 1 à ${suppressionThreshold - 1}, ou pour ne pas pouvoir être retrouvé par différence).`,
} as const;

export const openDataSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "/api/stats/territoires.schema.json",
  title: "Placements VTE par Territoire d'industrie et par mois",
  type: "object",
  required: ["description", "seuil_de_masquage", "lignes"],
  additionalProperties: false,
  properties: {
    description: { type: "string" },
    seuil_de_masquage: {
      const: suppressionThreshold,
      description: "Les effectifs inférieurs à ce seuil (et non nuls) ne sont pas publiés.",
    },
    lignes: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["phase", "territoire_id", "territoire", "region", "mois", "placements", "placements_vte", "placements_vte_vert"],
        properties: {
          phase: {
            type: "string",
            pattern: "^\\d{4}-\\d{4}$",
            description:
              "La liste des Territoires d'industrie (par exemple 2023-2027) ; un identifiant ne désigne un territoire qu'avec sa phase.",
          },
          territoire_id: { type: "string", pattern: "^ti-\\d{4}$", description: "L'identifiant ANCT du territoire dans sa phase." },
          territoire: { type: "string", minLength: 1 },
          region: { type: "string" },
          mois: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "Le mois du recrutement (AAAA-MM)." },
          placements: count,
          placements_vte: count,
          placements_vte_vert: count,
        },
      },
    },
  },
} as const;
