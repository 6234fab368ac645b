import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpTestPort } from "./support/app-server";
import { admin, createOrg } from "./support/factories";
import { api } from "./support/http";
import { startSmtpInbox } from "./support/smtp-inbox";
import { waitFor } from "./support/webhook-receiver";

// The test server emails SMTP_URL=smtp://127.0.0.1:<smtpTestPort()> (a real SMTP server, smtp-server).
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
beforeAll(async () => (inbox = await startSmtpInbox(smtpTestPort())));
afterAll(() => inbox.stop());

describe("the daily digest witnesses the audit chain", () => {
  it("an admin on the digest gets the newest signed checkpoint in full, even with no other news", async () => {
    const org = await createOrg();
    await admin(["user", "notifications"], { user: org.admin.email, preference: "digest" });
    // An export signs a checkpoint of the head.
    expect((await api(org.admin.key, "GET", "/api/v1/audit/export")).status).toBe(200);
    const [checkpoint] = (await api(org.admin.key, "GET", "/api/v1/audit/checkpoints?limit=1")).body.data;
    // The digest goes out from the email outbox's background pass: seconds, more on a loaded CI machine.
    const mail = await waitFor(() => inbox.mails.find((m) => m.to.includes(org.admin.email) && m.subject.includes("digest")), 60_000);
    expect(mail.subject).toBe("AegisOS Comply digest: audit checkpoint");
    expect(mail.text).toContain(`Audit chain checkpoint ${checkpoint.id}: event #${checkpoint.seq} has hash ${checkpoint.hash}`);
    expect(mail.text).toContain(checkpoint.signature);
    // Approvers on the digest are not sent one for a checkpoint alone.
    expect(inbox.mails.filter((m) => m.to.includes(org.approver.email))).toEqual([]);
  });
});
