import net from "node:net";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { notificationConfig } from "./notification-config";

/**
 * Sends one email through SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS) within a
 * wall-clock deadline (AEGIS_EMAIL_TIMEOUT_MS): nodemailer's own timeouts are idle timeouts,
 * which a relay answering a byte at a time never trips. We hand nodemailer the socket
 * (`getSocket`) so the deadline can close it, which fails the send at once.
 */
export async function sendEmail(to: string, subject: string, text: string): Promise<void> {
  const { smtpUrl, from, timeoutMs } = notificationConfig();
  if (!smtpUrl) throw new Error("SMTP_URL is not set");
  const sockets: net.Socket[] = [];
  const transport = nodemailer.createTransport({
    // Parsed here: given `url`, createTransport would drop every other option, getSocket included.
    ...parseConnectionUrl(smtpUrl),
    // nodemailer then speaks SMTP (and TLS, for smtps) over a connection we opened and can close.
    getSocket: (
      options: { host?: string; port?: number; secure?: boolean },
      callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
    ) => {
      const socket = net.connect(Number(options.port) || (options.secure ? 465 : 587), options.host ?? "localhost");
      sockets.push(socket);
      const onError = (e: Error) => callback(e);
      socket.once("error", onError);
      socket.once("connect", () => {
        socket.off("error", onError);
        callback(null, { connection: socket });
      });
    },
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const timer = setTimeout(() => {
    for (const s of sockets) s.destroy(new Error(`the mail relay did not finish within ${timeoutMs} ms`));
  }, timeoutMs);
  try {
    await transport.sendMail({ from, to, subject, text });
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
