// Schools: operators attach two lists of e-mail domains to an establishment: its students' and its
// staff's. Staff sign up with an address in a staff domain and act for the school only once an
// operator or an approved colleague approves them. A school's students are those whose profile
// names its establishment and who verified an address in one of its student domains. Schools
// promote offers to their students.
import { data, redirect } from "@remix-run/node";
import { db } from "#app/platform/db.server";
import type { Prisma } from "#app/generated/prisma/client";
import type { SchoolKind } from "#app/generated/prisma/enums";
import { publicUrl } from "#app/platform/config.server";
import { enqueueMail, unsubscribeUrl } from "#emails/outbox.server";
import { publicOfferWhere } from "#app/domain/public-offer";
import { domainOf, publicMailDomains } from "#app/domain/mail-domains";
import { isInProgress } from "#app/domain/application-pipeline";
import { isProfileComplete } from "#app/students/students.server";

const digestEveryDays = 7;

/** The school whose staff domains include this address's domain. */
export function schoolOfStaffEmail(email: string) {
  return db().school.findFirst({ where: { staffEmailDomains: { has: domainOf(email) } }, select: { id: true, name: true } });
}

/** Why a school cannot be registered or given these domains, in French, and the field it is about. */
export interface SchoolProblem {
  field: "establishment" | "domains" | "staffDomains";
  message: string;
}

async function domainsProblem(schoolId: string | null, students: string[], staff: string[]): Promise<SchoolProblem | null> {
  const open = [...students, ...staff].find((domain) => publicMailDomains.has(domain));
  if (open)
    return {
      field: students.includes(open) ? "domains" : "staffDomains",
      message: `${open} est une messagerie ouverte à tous : ce ne peut pas être le domaine d'une école.`,
    };
  const taken = await db().school.findFirst({
    where: {
      ...(schoolId ? { id: { not: schoolId } } : {}),
      OR: [{ emailDomains: { hasSome: [...students, ...staff] } }, { staffEmailDomains: { hasSome: [...students, ...staff] } }],
    },
    select: { name: true },
  });
  return taken ? { field: "domains", message: `Un de ces domaines appartient déjà à ${taken.name}.` } : null;
}

/** A school's students: a profile naming its establishment and a verified address in its domains. */
function schoolStudentsWhere(school: { establishmentId: string | null; emailDomains: string[] }): Prisma.UserWhereInput {
  if (!school.establishmentId || school.emailDomains.length === 0) return { id: { in: [] } };
  return {
    role: "STUDENT",
    emailVerifiedAt: { not: null },
    studentProfile: { establishmentId: school.establishmentId },
    OR: school.emailDomains.map((domain) => ({ email: { endsWith: `@${domain}` } })),
  };
}

export async function createSchool(input: {
  name: string;
  kind: SchoolKind;
  establishmentId: string;
  emailDomains: string[];
  staffEmailDomains: string[];
}): Promise<SchoolProblem | null> {
  const problem = await domainsProblem(null, input.emailDomains, input.staffEmailDomains);
  if (problem) return problem;
  const establishment = await db().establishment.findUniqueOrThrow({
    where: { id: input.establishmentId },
    select: { uai: true, name: true },
  });
  // One school per establishment: its students are those who name it.
  const registered = await db().school.findFirst({
    where: { OR: [{ establishmentId: input.establishmentId }, ...(establishment.uai ? [{ uai: establishment.uai }] : [])] },
    select: { name: true },
  });
  if (registered)
    return {
      field: "establishment",
      message: `${establishment.name} est déjà enregistré sous le nom « ${registered.name} » : modifiez ses domaines dans la liste des écoles.`,
    };
  await db().school.create({ data: { ...input, uai: establishment.uai } });
  return null;
}

export async function setSchoolDomains(
  schoolId: string,
  domains: { emailDomains: string[]; staffEmailDomains: string[] },
): Promise<SchoolProblem | null> {
  const problem = await domainsProblem(schoolId, domains.emailDomains, domains.staffEmailDomains);
  if (problem) return problem;
  await db().school.update({ where: { id: schoolId }, data: domains });
  return null;
}

export function listSchools() {
  return db().school.findMany({
    orderBy: { name: "asc" },
    include: {
      establishment: { select: { name: true, communeName: true } },
      staff: {
        where: { staffApprovedAt: null },
        select: { id: true, firstName: true, lastName: true, email: true, emailVerifiedAt: true },
        orderBy: { createdAt: "asc" },
      },
      _count: { select: { staff: true, promotions: true } },
    },
  });
}

/** Staff of the school waiting for approval (with a verified address). */
export function pendingStaffOf(schoolId: string) {
  return db().user.findMany({
    where: { schoolId, role: "SCHOOL_STAFF", staffApprovedAt: null, emailVerifiedAt: { not: null } },
    select: { id: true, firstName: true, lastName: true, email: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Approves a staff account: an operator may approve anyone's, an approved staff member only a
 * colleague's of the same school. False when the approver may not.
 */
export async function approveStaff(approver: { id: string; role: string }, staffId: string): Promise<boolean> {
  const staff = await db().user.findFirst({
    where: { id: staffId, role: "SCHOOL_STAFF", staffApprovedAt: null, emailVerifiedAt: { not: null } },
    select: { schoolId: true },
  });
  if (!staff?.schoolId) return false;
  if (approver.role !== "OPERATOR") {
    const colleague = await db().user.findFirst({
      where: { id: approver.id, role: "SCHOOL_STAFF", schoolId: staff.schoolId, staffApprovedAt: { not: null } },
    });
    if (!colleague) return false;
  }
  await db().user.update({ where: { id: staffId }, data: { staffApprovedAt: new Date(), staffApprovedBy: approver.id } });
  return true;
}

/** A staff account's school, and whether the account may act for it yet. */
export async function staffStatus(userId: string) {
  const staff = await db().user.findUnique({
    where: { id: userId },
    select: { staffApprovedAt: true, school: { select: { id: true, name: true } } },
  });
  return { school: staff?.school ?? null, approved: staff?.staffApprovedAt != null };
}

async function requireSchool(schoolId: string) {
  const school = await db().school.findUnique({ where: { id: schoolId }, include: { establishment: { select: { name: true } } } });
  if (!school) throw data("École introuvable", { status: 404 });
  return school;
}

/** The school's figures: its students, their applications and placements, by place, sector, contract and month. */
export async function schoolDashboard(school: { id: string; establishmentId: string | null; emailDomains: string[] }, months: Date[]) {
  const people = await db().user.findMany({
    where: schoolStudentsWhere(school),
    select: {
      id: true,
      firstName: true,
      lastName: true,
      studentProfile: { select: { field: true, degreeLevel: true, contractTypes: true } },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
  });
  const ids = people.map((u) => u.id);
  const [applications, placements, promotions] = await Promise.all([
    db().application.findMany({
      where: { studentId: { in: ids } },
      select: {
        studentId: true,
        createdAt: true,
        status: true,
        offer: { select: { contractType: true, territory: { select: { name: true } }, company: { select: { nafSection: true } } } },
      },
    }),
    db().placement.findMany({
      where: { studentId: { in: ids } },
      select: { studentId: true, createdAt: true, contractType: true, nafSection: true, territory: { select: { name: true } } },
    }),
    db().schoolPromotion.findMany({
      where: { schoolId: school.id },
      orderBy: { createdAt: "desc" },
      include: {
        offer: { select: { id: true, title: true, status: true, company: { select: { name: true } } } },
        createdBy: { select: { firstName: true, lastName: true } },
      },
    }),
  ]);
  const breakdown = (keys: (string | null)[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key ?? "Hors Territoire d'industrie", (counts.get(key ?? "Hors Territoire d'industrie") ?? 0) + 1);
    return [...counts]
      .map(([label, count]) => ({ label, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"));
  };
  const month = (d: Date) => d.toISOString().slice(0, 7);
  const series = months.map((m) => {
    const key = month(m);
    return {
      month: key,
      applications: applications.filter((a) => month(a.createdAt) === key).length,
      placements: placements.filter((p) => month(p.createdAt) === key).length,
    };
  });
  // Each student as staff follow them: never the messages, the CV or the wishes (decision 013).
  const students = people.map((person) => ({
    id: person.id,
    name: `${person.firstName} ${person.lastName}`,
    profileComplete: isProfileComplete(person.studentProfile),
    applications: applications.filter((a) => a.studentId === person.id).length,
    applicationsInProgress: applications.filter((a) => a.studentId === person.id && isInProgress(a.status)).length,
    placements: placements.filter((p) => p.studentId === person.id).length,
  }));
  return {
    studentCount: ids.length,
    completeProfiles: students.filter((s) => s.profileComplete).length,
    students,
    applicationCount: applications.length,
    placementCount: placements.length,
    applicationsByTerritory: breakdown(applications.map((a) => a.offer.territory?.name ?? null)),
    applicationsBySector: breakdown(applications.map((a) => a.offer.company.nafSection)),
    applicationsByContract: breakdown(applications.map((a) => a.offer.contractType)),
    placementsByTerritory: breakdown(placements.map((p) => p.territory?.name ?? null)),
    placementsBySector: breakdown(placements.map((p) => p.nafSection)),
    placementsByContract: breakdown(placements.map((p) => p.contractType)),
    series,
    promotions,
  };
}

export async function promoteOffer(schoolId: string, staffId: string, offerId: string, note: string): Promise<string | null> {
  const offer = await db().offer.findFirst({ where: { id: offerId, ...publicOfferWhere() }, select: { id: true } });
  if (!offer) return "Seule une offre publiée peut être recommandée.";
  await db().schoolPromotion.upsert({
    where: { schoolId_offerId: { schoolId, offerId } },
    create: { schoolId, offerId, note, createdById: staffId },
    update: { note },
  });
  return null;
}

export async function removePromotion(schoolId: string, promotionId: string) {
  await db().schoolPromotion.deleteMany({ where: { id: promotionId, schoolId } });
}

/** The offers the student's schools recommend, by offer id: decided here, never by the browser. */
export async function promotionsForStudent(userId: string): Promise<Map<string, { school: string; note: string }>> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { email: true, emailVerifiedAt: true, studentProfile: { select: { establishmentId: true } } },
  });
  const establishmentId = user?.studentProfile?.establishmentId;
  if (!user?.emailVerifiedAt || !establishmentId) return new Map();
  const promotions = await db().schoolPromotion.findMany({
    where: { school: { establishmentId, emailDomains: { has: domainOf(user.email) } }, offer: publicOfferWhere() },
    select: { offerId: true, note: true, school: { select: { name: true } } },
  });
  return new Map(promotions.map((p) => [p.offerId, { school: p.school.name, note: p.note }]));
}

/** Weekly: each school's students get the offers it recommended since the last digest. */
export async function sendPromotionDigests(now = new Date()): Promise<number> {
  const due = await db().school.findMany({
    where: { OR: [{ digestSentAt: null }, { digestSentAt: { lte: new Date(now.getTime() - digestEveryDays * 86_400_000) } }] },
  });
  let mails = 0;
  for (const school of due) {
    const since = school.digestSentAt ?? new Date(now.getTime() - digestEveryDays * 86_400_000);
    const promotions = await db().schoolPromotion.findMany({
      where: { schoolId: school.id, createdAt: { gt: since }, offer: publicOfferWhere(now) },
      include: { offer: { select: { id: true, title: true, company: { select: { name: true } }, commune: { select: { name: true } } } } },
      orderBy: { createdAt: "desc" },
      take: 20,
    });
    if (promotions.length === 0) continue;
    const students = await db().user.findMany({
      where: { AND: [schoolStudentsWhere(school), { mailOptOut: false }] },
      select: { email: true, unsubscribeToken: true },
    });
    await db().$transaction(async (tx) => {
      for (const student of students) {
        await enqueueMail(tx, student.email, "schoolDigest", {
          schoolName: school.name,
          offers: promotions.map((p) => ({
            title: p.offer.title,
            companyName: p.offer.company.name,
            communeName: p.offer.commune.name,
            note: p.note,
            url: `${publicUrl()}/offres/${p.offer.id}`,
          })),
          unsubscribeUrl: unsubscribeUrl(student.unsubscribeToken),
        });
        mails++;
      }
      await tx.school.update({ where: { id: school.id }, data: { digestSentAt: now } });
    });
  }
  return mails;
}

/**
 * The school a page is about: school staff see only their own; operators choose one with
 * `?ecole=<id>`; anyone else was already refused by `requireUser`.
 */
export async function schoolForViewer(user: { id: string; role: string }, url: URL) {
  if (user.role === "OPERATOR") {
    const id = url.searchParams.get("ecole");
    if (!id) throw redirect("/pilotage/ecoles");
    return requireSchool(id);
  }
  const staff = await db().user.findUnique({ where: { id: user.id }, select: { schoolId: true, staffApprovedAt: true } });
  if (!staff?.schoolId) throw data("Votre compte n'est rattaché à aucune école.", { status: 403 });
  if (!staff.staffApprovedAt)
    throw data("Votre compte attend la validation d'un membre de votre école ou de l'équipe du programme.", { status: 403 });
  return requireSchool(staff.schoolId);
}
