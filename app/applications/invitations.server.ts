// A company invites a visible profile that fits one of its published offers to apply: once per
// offer and student, by mail, never to a student who applied already or hid their profile.
import { db } from "#app/platform/db.server";
import { publicUrl } from "#app/platform/config.server";
import { isPublicOffer } from "#app/domain/public-offer";
import { enqueueMail, unsubscribeUrl } from "#emails/outbox.server";

/** Invites the student; returns a French message when it cannot be done. */
export async function inviteToApply(companyId: string, offerId: string, studentId: string, memberId: string): Promise<string | null> {
  const [offer, profile, applied, invited] = await Promise.all([
    db().offer.findFirst({ where: { id: offerId, companyId }, include: { company: { select: { name: true } } } }),
    db().studentProfile.findUnique({
      where: { userId: studentId },
      select: { visibleToCompanies: true, user: { select: { email: true, mailOptOut: true, unsubscribeToken: true, firstName: true } } },
    }),
    db().application.findUnique({ where: { offerId_studentId: { offerId, studentId } }, select: { id: true } }),
    db().offerInvitation.findUnique({ where: { offerId_studentId: { offerId, studentId } }, select: { id: true } }),
  ]);
  if (!offer || !isPublicOffer(offer)) return "Seule une offre publiée peut faire l'objet d'une invitation.";
  // A profile hidden since the page was shown is hidden now.
  if (!profile?.visibleToCompanies) return "Ce profil n'est plus visible des entreprises.";
  if (applied) return "Cette personne a déjà postulé à l'offre.";
  if (invited) return "Cette personne est déjà invitée à postuler à cette offre.";
  await db().$transaction(async (tx) => {
    await tx.offerInvitation.create({ data: { offerId, studentId, invitedById: memberId } });
    if (!profile.user.mailOptOut) {
      await enqueueMail(tx, profile.user.email, "offerInvitation", {
        firstName: profile.user.firstName,
        companyName: offer.company.name,
        offerTitle: offer.title,
        url: `${publicUrl()}/offres/${offer.id}`,
        unsubscribeUrl: unsubscribeUrl(profile.user.unsubscribeToken),
      });
    }
  });
  return null;
}

/** The students already invited to an offer, by id, with when. */
export async function invitationsOfOffer(offerId: string): Promise<Map<string, Date>> {
  const rows = await db().offerInvitation.findMany({ where: { offerId }, select: { studentId: true, createdAt: true } });
  return new Map(rows.map((row) => [row.studentId, row.createdAt]));
}
