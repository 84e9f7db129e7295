// Every mail the platform sends: its template, its subject, rendered to HTML and plain text.
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import {
  ApplicationReminder,
  applicationReminderSubject,
  ApplicationStatus,
  applicationStatusSubject,
  NewApplications,
  newApplicationsSubject,
  SavedSearchAlert,
  savedSearchAlertSubject,
  SchoolDigest,
  schoolDigestSubject,
  OfferInvitation,
  offerInvitationSubject,
  type OfferInvitationMail,
  type SchoolDigestMail,
  type ApplicationReminderMail,
  type ApplicationStatusMail,
  type NewApplicationsMail,
  type SavedSearchAlertMail,
} from "#emails/templates/applications";
import { CompanyInvitation, companyInvitationSubject, type CompanyInvitationMail } from "#emails/templates/company-invitation";
import {
  OfferApproved,
  offerApprovedSubject,
  OfferRejected,
  offerRejectedSubject,
  type OfferApprovedMail,
  type OfferRejectedMail,
} from "#emails/templates/offer-decision";
import {
  PasswordChanged,
  passwordChangedSubject,
  PasswordReset,
  passwordResetSubject,
  SignUpAttempt,
  signUpAttemptSubject,
  type PasswordChangedMail,
  type PasswordResetMail,
  type SignUpAttemptMail,
} from "#emails/templates/password-reset";
import { Verification, verificationSubject, type VerificationMail } from "#emails/templates/verification";
import {
  AccountDeleted,
  accountDeletedSubject,
  AccountDeletionRequested,
  accountDeletionRequestedSubject,
  InactivityWarning,
  inactivityWarningSubject,
  type AccountDeletedMail,
  type AccountDeletionRequestedMail,
  type InactivityWarningMail,
} from "#emails/templates/account-deletion";

export interface MailProps {
  verification: VerificationMail;
  passwordReset: PasswordResetMail;
  passwordChanged: PasswordChangedMail;
  signUpAttempt: SignUpAttemptMail;
  companyInvitation: CompanyInvitationMail;
  offerApproved: OfferApprovedMail;
  offerRejected: OfferRejectedMail;
  newApplications: NewApplicationsMail;
  applicationReminder: ApplicationReminderMail;
  applicationStatus: ApplicationStatusMail;
  savedSearchAlert: SavedSearchAlertMail;
  schoolDigest: SchoolDigestMail;
  offerInvitation: OfferInvitationMail;
  accountDeletionRequested: AccountDeletionRequestedMail;
  accountDeleted: AccountDeletedMail;
  inactivityWarning: InactivityWarningMail;
}

export type MailTemplate = keyof MailProps;

const templates: { [T in MailTemplate]: { subject: (props: MailProps[T]) => string; body: (props: MailProps[T]) => ReactElement } } = {
  verification: { subject: verificationSubject, body: (p) => <Verification {...p} /> },
  passwordReset: { subject: passwordResetSubject, body: (p) => <PasswordReset {...p} /> },
  passwordChanged: { subject: passwordChangedSubject, body: (p) => <PasswordChanged {...p} /> },
  signUpAttempt: { subject: signUpAttemptSubject, body: (p) => <SignUpAttempt {...p} /> },
  companyInvitation: { subject: companyInvitationSubject, body: (p) => <CompanyInvitation {...p} /> },
  offerApproved: { subject: offerApprovedSubject, body: (p) => <OfferApproved {...p} /> },
  offerRejected: { subject: offerRejectedSubject, body: (p) => <OfferRejected {...p} /> },
  newApplications: { subject: newApplicationsSubject, body: (p) => <NewApplications {...p} /> },
  applicationReminder: { subject: applicationReminderSubject, body: (p) => <ApplicationReminder {...p} /> },
  applicationStatus: { subject: applicationStatusSubject, body: (p) => <ApplicationStatus {...p} /> },
  savedSearchAlert: { subject: savedSearchAlertSubject, body: (p) => <SavedSearchAlert {...p} /> },
  schoolDigest: { subject: schoolDigestSubject, body: (p) => <SchoolDigest {...p} /> },
  offerInvitation: { subject: offerInvitationSubject, body: (p) => <OfferInvitation {...p} /> },
  accountDeletionRequested: { subject: accountDeletionRequestedSubject, body: (p) => <AccountDeletionRequested {...p} /> },
  accountDeleted: { subject: accountDeletedSubject, body: (p) => <AccountDeleted {...p} /> },
  inactivityWarning: { subject: inactivityWarningSubject, body: (p) => <InactivityWarning {...p} /> },
};

export async function renderMail<T extends MailTemplate>(
  template: T,
  props: MailProps[T],
): Promise<{ subject: string; html: string; text: string }> {
  const { subject, body } = templates[template];
  const element = body(props);
  return {
    subject: subject(props),
    html: await render(element),
    text: await render(element, { plainText: true }),
  };
}
