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

/** The stage a company most likely moves an application to next: the first one after it in the pipeline. */
export function nextStage(from: ApplicationStatus): ApplicationStatus | null {
  const after = pipeline.slice(pipeline.indexOf(from) + 1).find((to) => canCompanyMove(from, to));
  return after ?? companyTargets.find((to) => canCompanyMove(from, to)) ?? null;
}

/** Stages that end an application: nothing moves after them. */
export const closingStatuses: ApplicationStatus[] = ["HIRED", "DECLINED", "WITHDRAWN"];

/** An application still under way: the student may withdraw it, the company may answer it. */
export function isInProgress(status: ApplicationStatus): boolean {
  return !closingStatuses.includes(status);
}

export function canStudentWithdraw(from: ApplicationStatus): boolean {
  return isInProgress(from);
}
