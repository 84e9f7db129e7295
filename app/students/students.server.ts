// Student profiles: saving one (and its place in the `students` index through the outbox), the CV,
// and the establishment typed by the student.
import { db } from "#app/platform/db.server";
import type { ContractType, DegreeLevel, SchoolKind, StudentStatus } from "#app/generated/prisma/enums";
import { enqueue } from "#app/platform/outbox.server";
import { searchClient } from "#search/client";
import { studentIndexName } from "#search/student-index";

export interface EstablishmentChoice {
  id: string;
  name: string;
  communeName: string | null;
}

/** Establishments whose name, acronym or UAI starts like what was typed (suggestions). */
export async function searchEstablishments(query: string, take = 15): Promise<EstablishmentChoice[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const rows = await db().establishment.findMany({
    where: {
      OR: [{ name: { contains: q, mode: "insensitive" } }, { acronym: { startsWith: q, mode: "insensitive" } }, { uai: q.toUpperCase() }],
    },
    select: { id: true, name: true, communeName: true },
    orderBy: { name: "asc" },
    take,
  });
  return rows;
}

/** The label a suggestion shows, and that the form sends back. */
export const establishmentLabel = (e: { name: string; communeName: string | null }) =>
  e.communeName ? `${e.name} (${e.communeName})` : e.name;

/** What the student typed, resolved to one establishment, or why not. */
export async function resolveEstablishment(input: string): Promise<{ id: string } | "ambiguous" | null> {
  const typed = input.trim();
  const candidates = await db().establishment.findMany({
    where: {
      OR: [
        { name: { equals: typed.replace(/ \([^)]*\)$/, ""), mode: "insensitive" } },
        { acronym: { equals: typed, mode: "insensitive" } },
        { uai: typed.toUpperCase() },
      ],
    },
    select: { id: true, name: true, communeName: true },
    take: 10,
  });
  const exact = candidates.filter((e) => establishmentLabel(e).toLowerCase() === typed.toLowerCase());
  if (exact.length === 1) return { id: exact[0].id };
  if (candidates.length === 1) return { id: candidates[0].id };
  return candidates.length > 1 ? "ambiguous" : null;
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
