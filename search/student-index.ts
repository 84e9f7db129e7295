// The `students` index: the profiles students made visible to companies, for the company side of
// matching. Kept in step through the outbox (`search.student`); the database stays the truth, and
// the matching re-reads visibility there, so a profile made invisible never shows even before the
// index has caught up.
import type { Meilisearch, Settings } from "meilisearch";
import { degreeRank } from "#app/domain/degree";
import type { Prisma, PrismaClient } from "#app/generated/prisma/client";
import { applyOfferIndexSettings } from "./offer-index";
import { frenchStopWords } from "./stop-words";
import { meilisearchSynonyms } from "./synonyms";

export const studentIndexName = process.env.MEILI_STUDENT_INDEX ?? "students";

export interface StudentDocument {
  id: string;
  field: string;
  skills: string[];
  /** 0 for the bac or below, then 2 (bac+2) to 8 (doctorate), so "at least" is a range filter. */
  degreeRank: number;
  schoolKind: string;
  contractTypes: string[];
  wishedRegionCodes: string[];
  wishedTerritoryIds: string[];
  updatedAt: number;
}

const studentIndexSettings: Settings = {
  searchableAttributes: ["field", "skills"],
  filterableAttributes: ["degreeRank", "schoolKind", "contractTypes", "wishedRegionCodes", "wishedTerritoryIds"],
  sortableAttributes: ["updatedAt"],
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["fra"] }],
  stopWords: frenchStopWords,
  synonyms: meilisearchSynonyms(),
};

export function applyStudentIndexSettings(client: Meilisearch, indexName = studentIndexName) {
  return applyOfferIndexSettings(client, indexName, studentIndexSettings);
}

type Profile = Omit<Prisma.StudentProfileGetPayload<object>, "cv">;

export function studentDocument(profile: Profile): StudentDocument {
  return {
    id: profile.userId,
    field: profile.field,
    skills: profile.skills,
    degreeRank: profile.degreeLevel ? degreeRank[profile.degreeLevel] : 0,
    schoolKind: profile.schoolKind,
    contractTypes: profile.contractTypes,
    wishedRegionCodes: profile.wishedRegionCodes,
    wishedTerritoryIds: profile.wishedTerritoryIds,
    updatedAt: Math.floor(profile.updatedAt.getTime() / 1000),
  };
}

/** Outbox handler for `search.student`: upserts a visible profile, deletes any other. */
export async function syncStudentDocument(prisma: PrismaClient, search: Meilisearch, userId: string): Promise<"upserted" | "deleted"> {
  const profile = await prisma.studentProfile.findUnique({ where: { userId }, omit: { cv: true } });
  const index = search.index<StudentDocument>(studentIndexName);
  if (profile?.visibleToCompanies) {
    await index.addDocuments([studentDocument(profile)], { primaryKey: "id" }).waitTask({ timeout: 30_000 });
    return "upserted";
  }
  await index.deleteDocument(userId).waitTask({ timeout: 30_000 });
  return "deleted";
}

/** Rebuilds the students index from the visible profiles (part of `search:reindex`). */
export async function reindexStudents(prisma: PrismaClient, search: Meilisearch, indexName = studentIndexName): Promise<number> {
  await applyStudentIndexSettings(search, indexName);
  const profiles = await prisma.studentProfile.findMany({ where: { visibleToCompanies: true }, omit: { cv: true } });
  const index = search.index<StudentDocument>(indexName);
  await index.deleteAllDocuments().waitTask({ timeout: 120_000 });
  if (profiles.length) await index.addDocuments(profiles.map(studentDocument), { primaryKey: "id" }).waitTask({ timeout: 300_000 });
  return profiles.length;
}
