// Matching both ways (flow 3): candidates from Meilisearch, re-ranked by the pure scoring with its
// reasons. The student side falls back to PostgreSQL when Meilisearch does not answer.
import { db } from "#app/platform/db.server";
import { levelsUpTo } from "#app/domain/degree";
import { matchScore, matchWords, rankMatches, type Match, type MatchOffer, type MatchStudent } from "#app/domain/match-score";
import { loadedOncePerProcess } from "#app/platform/process.server";
import { suggestJobTitles } from "#app/reference/vocabulary.server";
import type { Prisma } from "#app/generated/prisma/client";
import { referenceLabels } from "#app/reference/labels.server";
import { searchClient } from "#search/client";
import { offerCandidates, studentCandidates, type OfferCandidate } from "#search/matching";
import { publicOfferWhere } from "#app/domain/public-offer";
import { isOfferSchoolKind } from "#app/domain/codes";

const matchesShown = 20;

/** A profile without its CV bytes: matching never needs them. */
type Profile = Omit<Prisma.StudentProfileGetPayload<object>, "cv">;

type WishedCommune = { inseeCode: string; name: string; latitude: number | null; longitude: number | null };

/** The communes some profiles wish to work around, by INSEE code, in one query. */
async function wishedCommunes(profiles: Profile[]): Promise<Map<string, WishedCommune>> {
  const codes = [...new Set(profiles.map((p) => p.wishedCommuneCode).filter((code): code is string => !!code))];
  if (codes.length === 0) return new Map();
  const communes = await db().commune.findMany({
    where: { inseeCode: { in: codes } },
    select: { inseeCode: true, name: true, latitude: true, longitude: true },
  });
  return new Map(communes.map((c) => [c.inseeCode, c]));
}

/** The profile as the scoring reads it, with the names of the places it wishes. */
async function matchStudentOf(profile: Profile, communes?: Map<string, WishedCommune>): Promise<MatchStudent> {
  const labels = await referenceLabels();
  const commune = profile.wishedCommuneCode
    ? ((communes ?? (await wishedCommunes([profile]))).get(profile.wishedCommuneCode) ?? null)
    : null;
  return {
    degreeLevel: profile.degreeLevel,
    schoolKind: profile.schoolKind,
    status: profile.status,
    field: profile.field,
    skills: profile.skills,
    contractTypes: profile.contractTypes,
    wishedRegions: profile.wishedRegionCodes.map((code) => ({ code, name: labels.region.get(code) ?? code })),
    wishedTerritories: profile.wishedTerritoryIds.map((id) => ({ id, name: labels.territory.get(id) ?? id })),
    wishedPlace:
      commune?.latitude != null && commune.longitude != null
        ? { name: commune.name, location: { lat: commune.latitude, lng: commune.longitude }, radiusKm: profile.wishedRadiusKm ?? 50 }
        : null,
    availableFrom: profile.availableFrom,
  };
}

export interface OfferMatch {
  id: string;
  title: string;
  companyName: string;
  communeName: string;
  territoryName: string | null;
  contractType: string;
  durationMonths: number | null;
  startDate: Date;
  vteEligible: boolean;
  vteGreen: boolean;
  match: Match;
}

/** Each ROME fiche's words (name, job titles, definition, access), read once per process. */
const jobWordsByFiche = loadedOncePerProcess("jobWords", async (): Promise<Map<string, ReadonlySet<string>>> => {
  const fiches = await db().romeFiche.findMany({
    select: { code: true, label: true, definition: true, access: true, appellations: { select: { label: true } } },
  });
  return new Map(
    fiches.map((f) => [f.code, matchWords([f.label, f.definition, f.access, ...f.appellations.map((a) => a.label)].join(" "))]),
  );
});

const noWords: ReadonlySet<string> = new Set();

/** The ROME fiches a field of study names, when its words make one of their job titles ("chaudronnerie" does not, "Chaudronnier" does). */
async function fichesNamedBy(field: string): Promise<string[]> {
  return [...new Set((await suggestJobTitles(field, 20)).map((title) => title.romeCode))].slice(0, 5);
}

function matchOfferOf(hit: OfferCandidate, jobWords: Map<string, ReadonlySet<string>>): MatchOffer {
  return {
    title: hit.title,
    romeLabel: hit.romeLabel,
    description: hit.description,
    jobWords: jobWords.get(hit.romeCode) ?? noWords,
    regionCode: hit.regionCode,
    territoryId: hit.territoryId,
    communeName: hit.communeName,
    location: hit._geo ?? null,
    contractType: hit.contractType as MatchOffer["contractType"],
    degreeLevel: hit.degreeLevel as MatchOffer["degreeLevel"],
    schoolKinds: hit.schoolKinds as MatchOffer["schoolKinds"],
    startDate: new Date(hit.startDate * 1000),
  };
}

/** Candidates from PostgreSQL when the engine is down: the same hard filters, newest first. */
async function offerCandidatesFromDatabase(profile: Profile, now: Date): Promise<OfferCandidate[]> {
  if (!profile.degreeLevel) return [];
  const levels = levelsUpTo(profile.degreeLevel);
  const offers = await db().offer.findMany({
    where: {
      ...publicOfferWhere(now),
      degreeLevel: { in: levels },
      ...(isOfferSchoolKind(profile.schoolKind) ? { schoolKinds: { has: profile.schoolKind } } : {}),
      ...(profile.contractTypes.length ? { contractType: { in: profile.contractTypes } } : {}),
      ...(profile.wishedRegionCodes.length ? { regionCode: { in: profile.wishedRegionCodes } } : {}),
    },
    include: {
      company: { select: { name: true, siren: true } },
      rome: { select: { label: true } },
      territory: { select: { name: true } },
      commune: { select: { name: true } },
    },
    orderBy: { publishedAt: "desc" },
    take: 150,
  });
  return offers.map((o) => ({
    id: o.id,
    title: o.title,
    description: o.description,
    romeCode: o.romeCode,
    romeLabel: o.rome.label,
    companyName: o.company.name,
    companySiren: o.company.siren,
    regionCode: o.regionCode,
    territoryId: o.territoryId,
    territoryName: o.territory?.name ?? null,
    communeName: o.commune.name,
    _geo: o.latitude != null && o.longitude != null ? { lat: o.latitude, lng: o.longitude } : undefined,
    contractType: o.contractType,
    durationMonths: o.durationMonths,
    degreeLevel: o.degreeLevel,
    schoolKinds: o.schoolKinds,
    startDate: Math.floor(o.startDate.getTime() / 1000),
    publishedAt: Math.floor((o.publishedAt ?? o.createdAt).getTime() / 1000),
    vteEligible: o.vteEligible,
    vteTerritory: o.vteTerritory,
    vteGreen: o.vteGreen,
  }));
}

/** The best published offers for a student, with the reasons; `degraded` when they come from the database. */
export async function offersForStudent(
  profile: Profile,
  options: { now?: Date; indexName?: string } = {},
): Promise<{ matches: OfferMatch[]; degraded: boolean }> {
  const now = options.now ?? new Date();
  const student = await matchStudentOf(profile);
  const client = searchClient();
  let candidates: OfferCandidate[] | null = null;
  if (client) {
    try {
      candidates = await offerCandidates(
        client,
        {
          text: [profile.field, ...profile.skills].join(" "),
          degreeLevel: profile.degreeLevel,
          schoolKind: profile.schoolKind,
          contractTypes: profile.contractTypes,
          regionCodes: profile.wishedRegionCodes,
          territoryIds: profile.wishedTerritoryIds,
          place: student.wishedPlace
            ? {
                latitude: student.wishedPlace.location.lat,
                longitude: student.wishedPlace.location.lng,
                radiusKm: student.wishedPlace.radiusKm,
              }
            : null,
          jobs: await fichesNamedBy(profile.field),
        },
        now,
        options.indexName,
      );
    } catch (error) {
      console.error(`Search engine unavailable, matching from the database: ${(error as Error).message}`);
    }
  }
  const degraded = candidates === null;
  candidates ??= await offerCandidatesFromDatabase(profile, now);
  const jobWords = await jobWordsByFiche();
  // Only offers the student could take as a VTE, whichever engine found them.
  const scored = candidates
    .filter((hit) => hit.vteEligible)
    .map((hit) => ({
      id: hit.id,
      title: hit.title,
      companyName: hit.companyName,
      communeName: hit.communeName,
      territoryName: hit.territoryName,
      contractType: hit.contractType,
      durationMonths: hit.durationMonths,
      startDate: new Date(hit.startDate * 1000),
      vteEligible: hit.vteEligible,
      vteGreen: hit.vteGreen,
      match: matchScore(student, matchOfferOf(hit, jobWords), "student"),
    }));
  return { matches: rankMatches(scored, matchesShown), degraded };
}

export interface ProfileMatch {
  id: string;
  name: string;
  establishment: string;
  field: string;
  degreeLevel: string | null;
  skills: string[];
  availableFrom: Date | null;
  startDate: Date;
  match: Match;
}

/** What the company side reads of an offer besides its own columns. */
type OfferForMatching = Prisma.OfferGetPayload<{ include: { rome: { select: { label: true } }; commune: { select: { name: true } } } }>;

/** The best visible profiles for a company's offer; null when the engine does not answer. */
export async function profilesForOffer(offer: OfferForMatching, options: { indexName?: string } = {}): Promise<ProfileMatch[] | null> {
  const client = searchClient();
  if (!client) return null;
  let ids: string[];
  try {
    ids = await studentCandidates(
      client,
      {
        text: `${offer.title} ${offer.rome.label}`,
        degreeLevel: offer.degreeLevel,
        schoolKinds: offer.schoolKinds,
        contractType: offer.contractType,
      },
      options.indexName,
    );
  } catch (error) {
    console.error(`Search engine unavailable for profile matching: ${(error as Error).message}`);
    return null;
  }
  // The database decides visibility: a profile hidden a moment ago is gone even if the index lags.
  const profiles = await db().studentProfile.findMany({
    where: { userId: { in: ids }, visibleToCompanies: true },
    omit: { cv: true },
    include: { user: { select: { firstName: true, lastName: true } }, establishment: { select: { name: true } } },
  });
  const matchOffer: MatchOffer = {
    title: offer.title,
    romeLabel: offer.rome.label,
    description: offer.description,
    jobWords: (await jobWordsByFiche()).get(offer.romeCode) ?? noWords,
    regionCode: offer.regionCode,
    territoryId: offer.territoryId,
    communeName: offer.commune.name,
    location: offer.latitude != null && offer.longitude != null ? { lat: offer.latitude, lng: offer.longitude } : null,
    contractType: offer.contractType,
    degreeLevel: offer.degreeLevel,
    schoolKinds: offer.schoolKinds,
    startDate: offer.startDate,
  };
  const communes = await wishedCommunes(profiles);
  const scored = await Promise.all(
    profiles.map(async (profile) => ({
      id: profile.userId,
      name: `${profile.user.firstName} ${profile.user.lastName.slice(0, 1)}.`,
      establishment: profile.establishment?.name ?? profile.otherEstablishmentName ?? "Établissement non précisé",
      field: profile.field,
      degreeLevel: profile.degreeLevel,
      skills: profile.skills,
      availableFrom: profile.availableFrom,
      startDate: profile.availableFrom ?? profile.createdAt,
      match: matchScore(await matchStudentOf(profile, communes), matchOffer, "company"),
    })),
  );
  return rankMatches(scored, matchesShown);
}
