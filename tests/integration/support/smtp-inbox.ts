import { SMTPServer } from "smtp-server";

export type Mail = { to: string[]; subject: string; text: string };

/** Quoted-printable and RFC 2047 subjects, enough to read what nodemailer sends. */
function decodeQuotedPrintable(s: string): string {
  const bytes = s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h) => `%${h}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
  } catch {
    return s;
  }
}
function decodeHeader(v: string): string {
  return v.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

function parse(raw: string, to: string[]): Mail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, " ");
  const subject = decodeHeader(/^subject: (.*)$/im.exec(headers)?.[1] ?? "");
  const body = rest.join("\n\n");
  const qp = /content-transfer-encoding: quoted-printable/i.test(headers);
  const b64 = /content-transfer-encoding: base64/i.test(headers);
  const text = qp ? decodeQuotedPrintable(body) : b64 ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : body;
  return { to, subject, text: text.replace(/\r\n/g, "\n") };
}

/**
 * A real SMTP server in this process (smtp-server), collecting every message it accepts.
 * `refuse` names recipients it answers 550 (every RCPT TO is also recorded in `attempts`).
 */
export async function startSmtpInbox(port: number, refuse: (address: string) => boolean = () => false) {
  const mails: Mail[] = [];
  const attempts: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      attempts.push(address.address);
      if (!refuse(address.address)) return callback();
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (c: string) => (raw += c));
      stream.on("end", () => {
        mails.push(
          parse(
            raw,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { mails, attempts, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
