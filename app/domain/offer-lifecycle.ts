// The life of an offer: draft → pending review → published (by an operator) or rejected →
// closed, filled or expired. Pure rules, read by the company space, moderation and the worker.
import type { OfferStatus } from "#app/generated/prisma/enums";

const offerLifetimeDays = 90;

export type OfferAction = "submit" | "approve" | "reject" | "close" | "fill" | "expire" | "reopen";

const allowed: Record<OfferAction, OfferStatus[]> = {
  submit: ["DRAFT", "REJECTED"],
  approve: ["PENDING_REVIEW"],
  reject: ["PENDING_REVIEW"],
  close: ["DRAFT", "PENDING_REVIEW", "PUBLISHED"],
  fill: ["PUBLISHED", "CLOSED"],
  expire: ["PUBLISHED"],
  reopen: ["CLOSED", "FILLED", "EXPIRED"],
};

const target: Record<OfferAction, OfferStatus> = {
  submit: "PENDING_REVIEW",
  approve: "PUBLISHED",
  reject: "REJECTED",
  close: "CLOSED",
  fill: "FILLED",
  expire: "EXPIRED",
  reopen: "DRAFT",
};

export function canApply(action: OfferAction, status: OfferStatus): boolean {
  return allowed[action].includes(status);
}

export function nextStatus(action: OfferAction, status: OfferStatus): OfferStatus {
  if (!canApply(action, status)) throw new Error(`An offer that is ${status} cannot be ${action}ed.`);
  return target[action];
}

/** Only what search and candidates read decides whether an edit of a published offer is reviewed again. */
export interface ReviewedFields {
  title: string;
  description: string;
  contractType: string;
  durationMonths: number | null;
}

export function editNeedsReview(before: ReviewedFields, after: ReviewedFields): boolean {
  return (
    before.title !== after.title ||
    before.description !== after.description ||
    before.contractType !== after.contractType ||
    before.durationMonths !== after.durationMonths
  );
}

export function expiryDate(publishedAt: Date, days = offerLifetimeDays): Date {
  return new Date(publishedAt.getTime() + days * 86_400_000);
}

export const offerStatusLabels: Record<OfferStatus, string> = {
  DRAFT: "Brouillon",
  PENDING_REVIEW: "En attente de validation",
  PUBLISHED: "Publiée",
  REJECTED: "Refusée",
  CLOSED: "Clôturée",
  FILLED: "Pourvue",
  EXPIRED: "Expirée",
};
