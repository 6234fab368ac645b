import nodemailer, { type Transporter } from "nodemailer";
import { notificationConfig } from "./notification-config";

const holder = globalThis as { __aegisMailer?: { url: string; transport: Transporter } };

/** One nodemailer transport per process for SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS). */
export function getMailer(): Transporter | null {
  const { smtpUrl } = notificationConfig();
  if (!smtpUrl) return null;
  if (holder.__aegisMailer?.url !== smtpUrl) holder.__aegisMailer = { url: smtpUrl, transport: nodemailer.createTransport(smtpUrl) };
  return holder.__aegisMailer.transport;
}

export async function sendEmail(to: string, subject: string, text: string): Promise<void> {
  const mailer = getMailer();
  if (!mailer) throw new Error("SMTP_URL is not set");
  await mailer.sendMail({ from: notificationConfig().from, to, subject, text });
}
