// Matching candidates from Meilisearch (flow 3): filters from the profile or the offer, text from
// the field and skills or the job. The scoring in app/domain/match-score.ts re-ranks them.
import type { Meilisearch, MultiSearchQuery, SearchResponse } from "meilisearch";
import { offerIndexName, type OfferDocument } from "./offer-index";
import { publicOfferSearchFilter } from "#app/domain/public-offer";
import { degreeRank, levelsUpTo } from "#app/domain/degree";
import type { DegreeLevel } from "#app/generated/prisma/enums";
import { studentIndexName, type StudentDocument } from "./student-index";
import { isOfferSchoolKind } from "#app/domain/codes";

export interface OfferCandidateQuery {
  text: string;
  degreeLevel: string | null;
  schoolKind: string;
  contractTypes: string[];
  regionCodes: string[];
  territoryIds: string[];
  place: { latitude: number; longitude: number; radiusKm: number } | null;
  /** ROME fiches the student's field names (its words make one of their job titles). */
  jobs: string[];
}

const offerCandidateAttributes = [
  "id",
  "title",
  "description",
  "romeCode",
  "romeLabel",
  "companyName",
  "companySiren",
  "regionCode",
  "territoryId",
  "territoryName",
  "communeName",
  "_geo",
  "contractType",
  "durationMonths",
  "degreeLevel",
  "schoolKinds",
  "startDate",
  "publishedAt",
  "vteEligible",
  "vteTerritory",
  "vteGreen",
] as const;

export type OfferCandidate = Pick<OfferDocument, (typeof offerCandidateAttributes)[number]>;

const quoted = (value: string) => JSON.stringify(value);

/** Published offers the student could take: degree, school kind and contract filtered; text and area widen the net. */
export async function offerCandidates(
  client: Meilisearch,
  query: OfferCandidateQuery,
  now = new Date(),
  indexUid = offerIndexName,
): Promise<OfferCandidate[]> {
  if (!query.degreeLevel) return [];
  const levels = levelsUpTo(query.degreeLevel as DegreeLevel);
  const base = [
    ...publicOfferSearchFilter(now),
    // « Pour vous » proposes only offers the student could take as a VTE.
    "vteEligible = true",
    `degreeLevel IN [${levels.map(quoted).join(", ")}]`,
    // Offers name the schools they want (engineering, business); a university or other student is
    // not filtered out, the scoring says the offer targets other schools.
    ...(isOfferSchoolKind(query.schoolKind) ? [`schoolKinds = ${quoted(query.schoolKind)}`] : []),
    ...(query.contractTypes.length ? [`contractType IN [${query.contractTypes.map(quoted).join(", ")}]`] : []),
  ];
  const areas = [
    ...(query.territoryIds.length ? [`territoryId IN [${query.territoryIds.map(quoted).join(", ")}]`] : []),
    ...(query.regionCodes.length ? [`regionCode IN [${query.regionCodes.map(quoted).join(", ")}]`] : []),
    ...(query.place ? [`_geoRadius(${query.place.latitude}, ${query.place.longitude}, ${query.place.radiusKm * 1000})`] : []),
  ];
  const area = areas.length ? [areas.join(" OR ")] : [];
  const common = { indexUid, attributesToRetrieve: [...offerCandidateAttributes], matchingStrategy: "frequency" as const };
  // Near the wished commune first when there is one: the scoring favours it too.
  const nearest = query.place ? [`_geoPoint(${query.place.latitude}, ${query.place.longitude}):asc`] : ["publishedAt:desc"];
  const jobs = query.jobs.length ? [`romeCode IN [${query.jobs.map(quoted).join(", ")}]`] : [];
  const queries: MultiSearchQuery[] = [
    { ...common, q: query.text, filter: [...base, ...area], limit: 60 },
    ...(area.length ? [{ ...common, q: "", filter: [...base, ...area], sort: nearest, limit: 40 }] : []),
    // The offers of the métier the student's field names, in the wished area, nearest first.
    ...(jobs.length ? [{ ...common, q: query.text, filter: [...base, ...jobs, ...area], sort: nearest, limit: 40 }] : []),
    ...(area.length ? [{ ...common, q: query.text, filter: base, limit: 40 }] : []),
    // The newest offers the student could take, whatever their words and place: a small net for
    // what the text queries miss (they keep the rarest words when they drop some).
    { ...common, q: "", filter: base, sort: ["publishedAt:desc"], limit: 20 },
  ];
  const { results } = await client.multiSearch({ queries });
  const seen = new Map<string, OfferCandidate>();
  for (const result of results as unknown as SearchResponse<OfferCandidate>[])
    for (const hit of result.hits) if (!seen.has(hit.id)) seen.set(hit.id, hit);
  return [...seen.values()];
}

export interface StudentCandidateQuery {
  text: string;
  degreeLevel: string;
  schoolKinds: string[];
  contractType: string;
}

/** Visible profiles that could take the offer: at least its degree, one of its school kinds, open to its contract. */
export async function studentCandidates(client: Meilisearch, query: StudentCandidateQuery, indexUid = studentIndexName): Promise<string[]> {
  const base = [
    `degreeRank >= ${degreeRank[query.degreeLevel as DegreeLevel]}`,
    `schoolKind IN [${query.schoolKinds.map(quoted).join(", ")}]`,
    `(contractTypes = ${quoted(query.contractType)} OR contractTypes IS EMPTY)`,
  ];
  const common = { indexUid, attributesToRetrieve: ["id"], matchingStrategy: "frequency" as const };
  const { results } = await client.multiSearch({
    queries: [
      { ...common, q: query.text, filter: base, limit: 80 },
      { ...common, q: "", filter: base, sort: ["updatedAt:desc"], limit: 40 },
    ],
  });
  const ids = new Set<string>();
  for (const result of results as unknown as SearchResponse<StudentDocument>[]) for (const hit of result.hits) ids.add(hit.id);
  return [...ids];
}
