// Mail never blocks a request (flow 5): requests enqueue, the outbox worker renders and sends.
import type { Prisma } from "#app/generated/prisma/client";
import { enqueue } from "#app/platform/outbox.server";
import { publicUrl } from "#app/platform/config.server";
import { renderMail, type MailProps, type MailTemplate } from "./render.server";
import type { MailTransport } from "./transport.server";

export interface MailJob<T extends MailTemplate = MailTemplate> {
  to: string;
  template: T;
  props: MailProps[T];
}

export async function enqueueMail<T extends MailTemplate>(tx: Prisma.TransactionClient, to: string, template: T, props: MailProps[T]) {
  const payload: MailJob<T> = { to, template, props };
  await enqueue(tx, "mail", payload as MailJob);
}

export async function sendMailJob(transport: MailTransport, job: MailJob): Promise<void> {
  const { subject, html, text } = await renderMail(job.template, job.props as never);
  await transport.send({ to: job.to, subject, html, text });
}

/** The one-click unsubscribe link every non-essential mail carries (`/desabonnement/:token`). */
export const unsubscribeUrl = (token: string) => `${publicUrl()}/desabonnement/${token}`;
