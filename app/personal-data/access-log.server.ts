// Who saw a student's data: each time a company opens an application's page (the profile) or
// downloads the CV, a row the student reads in "Mes données". A page opened again within the hour
// is not written twice.
import type { ProfileAccessKind } from "#app/generated/prisma/enums";
import { db } from "#app/platform/db.server";

const sameVisitMs = 3_600_000;

export async function recordProfileAccess(companyId: string, studentId: string, kind: ProfileAccessKind, now = new Date()): Promise<void> {
  const recent = await db().profileAccess.findFirst({
    where: { companyId, studentId, kind, at: { gt: new Date(now.getTime() - sameVisitMs) } },
    select: { id: true },
  });
  if (!recent) await db().profileAccess.create({ data: { companyId, studentId, kind, at: now } });
}
