// "Mes données": everything the platform holds about one person, readable and downloadable as one
// JSON file (with the CV), in the format of app/domain/personal-data-export-schema.ts.
import { db } from "#app/platform/db.server";

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

export async function personalDataOf(userId: string, now = new Date()) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      school: { select: { name: true } },
      studentProfile: { include: { establishment: { select: { name: true } } } },
      applications: {
        orderBy: { createdAt: "asc" },
        include: {
          offer: { select: { title: true, company: { select: { name: true } } } },
          history: { orderBy: { createdAt: "asc" } },
        },
      },
      savedSearches: { orderBy: { createdAt: "asc" } },
      sessions: { orderBy: { createdAt: "asc" }, select: { createdAt: true, expiresAt: true } },
      memberships: { include: { company: { select: { name: true, siren: true } } } },
      promotions: { orderBy: { createdAt: "asc" }, include: { offer: { select: { title: true } } } },
      profileAccesses: { orderBy: { at: "desc" }, include: { company: { select: { name: true } } } },
      invitationsReceived: {
        orderBy: { createdAt: "asc" },
        include: { offer: { select: { title: true, company: { select: { name: true } } } } },
      },
    },
  });
  const profile = user.studentProfile;
  return {
    format: "vte-donnees-personnelles/2" as const,
    generatedAt: now.toISOString(),
    account: {
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      emailVerifiedAt: iso(user.emailVerifiedAt),
      mailOptOut: user.mailOptOut,
      school: user.school?.name ?? null,
    },
    profile: profile && {
      establishment: profile.establishment?.name ?? profile.otherEstablishmentName,
      schoolKind: profile.schoolKind,
      degreeLevel: profile.degreeLevel,
      field: profile.field,
      status: profile.status,
      graduationDate: day(profile.graduationDate),
      skills: profile.skills,
      wishedTerritories: profile.wishedTerritoryIds,
      wishedRegions: profile.wishedRegionCodes,
      wishedCommune: profile.wishedCommuneCode,
      wishedRadiusKm: profile.wishedRadiusKm,
      contractTypes: profile.contractTypes,
      availableFrom: day(profile.availableFrom),
      visibleToCompanies: profile.visibleToCompanies,
      cv:
        profile.cv && profile.cvFileName
          ? { fileName: profile.cvFileName, contentBase64: Buffer.from(profile.cv).toString("base64") }
          : null,
      updatedAt: profile.updatedAt.toISOString(),
    },
    applications: user.applications.map((application) => ({
      offer: application.offer.title,
      company: application.offer.company.name,
      message: application.message,
      withCv: application.withCv,
      status: application.status,
      createdAt: application.createdAt.toISOString(),
      history: application.history.map((change) => ({
        from: change.fromStatus,
        to: change.toStatus,
        at: change.createdAt.toISOString(),
        message: change.message,
      })),
    })),
    savedSearches: user.savedSearches.map((saved) => ({
      name: saved.name,
      query: saved.query,
      frequency: saved.frequency,
      createdAt: saved.createdAt.toISOString(),
      lastSentAt: iso(saved.lastSentAt),
    })),
    sessions: user.sessions.map((session) => ({ createdAt: session.createdAt.toISOString(), expiresAt: session.expiresAt.toISOString() })),
    companies: user.memberships.map((membership) => ({
      name: membership.company.name,
      siren: membership.company.siren,
      role: membership.role,
    })),
    profileAccesses: user.profileAccesses.map((access) => ({
      company: access.company.name,
      kind: access.kind,
      at: access.at.toISOString(),
    })),
    invitations: user.invitationsReceived.map((invitation) => ({
      offer: invitation.offer.title,
      company: invitation.offer.company.name,
      createdAt: invitation.createdAt.toISOString(),
    })),
    promotions: user.promotions.map((promotion) => ({
      offer: promotion.offer.title,
      note: promotion.note,
      createdAt: promotion.createdAt.toISOString(),
    })),
  };
}
