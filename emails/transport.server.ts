// Where mail goes: SMTP_URL in production; otherwise each message is written as an .eml file to
// ./data/mail (listed at /dev/mail in development). The worker sends; requests only enqueue.
import { mkdir, access, writeFile, constants } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { dataRoot } from "#app/platform/data-dir.server";
import { processWide } from "#app/platform/process.server";

interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

export interface MailTransport {
  kind: "smtp" | "files";
  /** Where messages go, for the start-up banner (no password). */
  location: string;
  send(message: MailMessage): Promise<void>;
  check(): Promise<{ ok: boolean; error?: string }>;
  close(): void;
}

const from = process.env.MAIL_FROM ?? "Plateforme VTE <no-reply@vte.local>";

/**
 * How long a verified SMTP server is taken as up: /healthz may be polled every few seconds, and each
 * verification is a connection (and a log-in) at the relay. A failed send ends it at once.
 */
const smtpCheckLifetimeMs = 30_000;

/**
 * A relay that accepts the connection and never answers must not hold the mail lane: each step
 * has a deadline (nodemailer's defaults are two minutes for the greeting and ten for the socket).
 */
export const smtpTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** nodemailer's options for an smtp:// or smtps:// URL, with the timeouts above. */
function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    ...smtpTimeouts,
  };
}

export function createMailTransport(options: { smtpUrl?: string; mailDir?: string } = { smtpUrl: process.env.SMTP_URL }): MailTransport {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(smtpOptions(options.smtpUrl));
    const location = new URL(options.smtpUrl);
    location.password = "";
    let verifiedUntil = 0;
    return {
      kind: "smtp",
      location: location.toString(),
      async send(message) {
        try {
          await transporter.sendMail({ from, ...message });
        } catch (error) {
          verifiedUntil = 0;
          throw error;
        }
      },
      async check() {
        if (Date.now() < verifiedUntil) return { ok: true };
        try {
          await transporter.verify();
          verifiedUntil = Date.now() + smtpCheckLifetimeMs;
          return { ok: true };
        } catch (error) {
          return { ok: false, error: (error as Error).message };
        }
      },
      close: () => transporter.close(),
    };
  }
  const mailDir = options.mailDir ?? path.join(dataRoot(), "mail");
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "files",
    location: mailDir,
    async send(message) {
      const info = await composer.sendMail({ from, ...message });
      await mkdir(mailDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const safeTo = message.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
      await writeFile(path.join(mailDir, `${stamp}-${safeTo}.eml`), info.message as Buffer);
    },
    async check() {
      try {
        await mkdir(mailDir, { recursive: true });
        await access(mailDir, constants.W_OK);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
    close: () => composer.close(),
  };
}

const current = processWide<MailTransport>("mail");

export function setMailTransport(transport: MailTransport | undefined) {
  current.set(transport);
}

export function mailTransport(): MailTransport | undefined {
  return current.get();
}
