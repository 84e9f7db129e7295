// The application pipeline: its stages in order, their French names, and who may move what.

import type { ApplicationStatus } from "#app/generated/prisma/enums";

export type { ApplicationStatus };

export const pipeline: ApplicationStatus[] = [
  "SUBMITTED",
  "VIEWED",
  "SHORTLISTED",
  "INTERVIEW",
  "OFFERED",
  "HIRED",
  "DECLINED",
  "WITHDRAWN",
];

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  SUBMITTED: "Envoyée",
  VIEWED: "Consultée",
  SHORTLISTED: "Présélectionnée",
  INTERVIEW: "Entretien",
  OFFERED: "Proposition faite",
  HIRED: "Recrutée",
  DECLINED: "Non retenue",
  WITHDRAWN: "Retirée",
};

/** What a company member may move an application to. */
export const companyTargets: ApplicationStatus[] = ["SHORTLISTED", "INTERVIEW", "OFFERED", "HIRED", "DECLINED"];

/** A company answered once it moved the application past "viewed". */
export const answeredStatuses: ApplicationStatus[] = ["SHORTLISTED", "INTERVIEW", "OFFERED", "HIRED", "DECLINED"];

export function canCompanyMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return from !== "WITHDRAWN" && from !== to && companyTargets.includes(to);
}

export function canStudentWithdraw(from: ApplicationStatus): boolean {
  return from !== "WITHDRAWN" && from !== "HIRED" && from !== "DECLINED";
}
