// Student profiles: saving one (and its place in the `students` index through the outbox), the CV,
// and the establishment typed by the student.
import { db } from "#app/platform/db.server";
import type { ContractType, DegreeLevel, SchoolKind, StudentStatus } from "#app/generated/prisma/enums";
import { enqueue } from "#app/platform/outbox.server";
import { searchClient } from "#search/client";
import { studentIndexName } from "#search/student-index";
import { loadedOncePerProcess } from "#app/platform/process.server";
import { foldText, wordMatcher } from "#app/domain/word-match";

export interface EstablishmentChoice {
  id: string;
  name: string;
  communeName: string | null;
}

interface KnownEstablishment extends EstablishmentChoice {
  label: string;
  /** Other names it goes by: acronym, short name, UAI codes. */
  names: (string | null)[];
  /** What the suggestions also match on: those names and the commune ("INSA Toulouse"). */
  aliases: (string | null)[];
}

/** The establishments list, once per process: 246 rows, matched in memory as people write them. */
const knownEstablishments = loadedOncePerProcess("establishments", async () => {
  const rows = await db().establishment.findMany({
    select: { id: true, name: true, acronym: true, shortName: true, uai: true, otherUais: true, communeName: true },
  });
  const all: KnownEstablishment[] = rows.map((e) => ({
    id: e.id,
    name: e.name,
    communeName: e.communeName,
    label: e.name,
    names: [e.acronym, e.shortName, e.uai, ...e.otherUais],
    aliases: [e.acronym, e.shortName, e.uai, ...e.otherUais, e.communeName],
  }));
  return { all, matcher: wordMatcher(all) };
});

const choiceOf = ({ id, name, communeName }: KnownEstablishment): EstablishmentChoice => ({ id, name, communeName });

/** Establishments for what was typed: name words in any order, accents and case ignored, acronym, short name or UAI. */
export async function searchEstablishments(query: string, take = 15): Promise<EstablishmentChoice[]> {
  return (await knownEstablishments()).matcher.find(query, take).map(choiceOf);
}

/** The label a suggestion shows, and that the form sends back. */
export const establishmentLabel = (e: { name: string; communeName: string | null }) =>
  e.communeName ? `${e.name} (${e.communeName})` : e.name;

/** What the student typed, resolved to one establishment (its label, name, acronym, short name or UAI), or why not. */
export async function resolveEstablishment(input: string): Promise<{ id: string } | "ambiguous" | null> {
  const typed = foldText(input);
  if (!typed) return null;
  const { all } = await knownEstablishments();
  const exact = all.filter((e) => foldText(establishmentLabel(e)) === typed);
  if (exact.length === 1) return { id: exact[0].id };
  const named = all.filter((e) => [e.name, ...e.names].some((name) => name && foldText(name) === typed));
  if (named.length === 1) return { id: named[0].id };
  return named.length > 1 ? "ambiguous" : null;
}

export interface ProfileInput {
  establishmentId: string | null;
  otherEstablishmentName: string | null;
  schoolKind: SchoolKind;
  degreeLevel: DegreeLevel | null;
  field: string;
  status: StudentStatus;
  graduationDate: Date | null;
  skills: string[];
  wishedTerritoryIds: string[];
  wishedRegionCodes: string[];
  wishedCommuneCode: string | null;
  wishedRadiusKm: number | null;
  contractTypes: ContractType[];
  availableFrom: Date | null;
  visibleToCompanies: boolean;
  cv?: { name: string; bytes: Uint8Array } | null;
}

export async function saveProfile(userId: string, input: ProfileInput): Promise<void> {
  const { cv, ...fields } = input;
  const data = { ...fields, ...(cv ? { cv: Buffer.from(cv.bytes), cvFileName: cv.name } : {}) };
  await db().$transaction(async (tx) => {
    await tx.studentProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    await enqueue(tx, "search.student", { userId });
  });
  // A profile made invisible leaves the index at once; the outbox job repeats it if this fails.
  if (!input.visibleToCompanies) {
    await searchClient()
      ?.index(studentIndexName)
      .deleteDocument(userId)
      .catch(() => undefined);
  }
}

/** Complete enough to be matched: what the scoring needs. */
export function isProfileComplete(
  profile: { field: string; degreeLevel: DegreeLevel | null; contractTypes: ContractType[] } | null,
): boolean {
  return !!profile && profile.field.trim().length > 0 && profile.degreeLevel !== null;
}

/** A stored CV as a download: PDF, never cached by shared caches, never sniffed as something else. */
export function pdfResponse(fileName: string, bytes: Uint8Array): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
