import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { formatMoney } from "@/lib/format/money";
import { notificationConfig } from "@/lib/notifications/notification-config";
import { assertCan } from "@/lib/permissions/can";
import type { AskForInformationInput } from "./approval-schemas";

/**
 * "Ask for more information": sends a question about a waiting approval to the agent's owner
 * (their bell, and email when SMTP is set, when the owner is a person of the organisation
 * named by email or name) and records it in the audit log, which the intent's timeline shows.
 * The approval stays open; nothing is answered.
 */
export async function askForInformation(db: Db, principal: UserPrincipal, approvalId: string, input: AskForInformationInput) {
  assertCan(principal, "approval.ask", { orgId: principal.orgId });
  const approval = await db.approval.findFirst({
    where: { id: approvalId, orgId: principal.orgId },
    select: {
      id: true,
      status: true,
      intent: { select: { id: true, amount: true, currency: true, merchant: true, agent: { select: { name: true, owner: true } } } },
    },
  });
  if (!approval) throw new AppError("not_found", "Approval not found");
  if (approval.status !== "pending") throw new AppError("approval_already_answered", `This approval has already been answered (${approval.status})`);
  const { intent } = approval;
  const owner = intent.agent.owner.trim();
  const person = owner
    ? await db.user.findFirst({
        where: {
          orgId: principal.orgId,
          deactivatedAt: null,
          OR: [{ email: { equals: owner, mode: "insensitive" } }, { name: { equals: owner, mode: "insensitive" } }],
        },
        select: { id: true, name: true },
      })
    : null;
  const amount = formatMoney(Number(intent.amount), intent.currency);
  await db.$transaction(async (tx) => {
    if (person) {
      await tx.notification.create({
        data: {
          id: newId("ntf"),
          orgId: principal.orgId,
          userId: person.id,
          kind: "approval_question",
          subjectId: `${approval.id}:${newId("q")}`,
          title: `Question about ${amount}${intent.merchant ? ` to ${intent.merchant}` : ""} by ${intent.agent.name}`,
          body: `${principal.label} asks: ${input.question}`,
          link: `/intents/${intent.id}`,
          emailStatus: notificationConfig().smtpUrl ? "pending" : "skipped",
        },
      });
    }
    await recordAuditEvent(tx, {
      orgId: principal.orgId,
      actor: principal,
      action: "approval.info_requested",
      targetId: approval.id,
      data: { intent_id: intent.id, question: input.question, owner, notified_user_id: person?.id ?? null },
    });
  });
  return { owner: owner || null, notified: person?.name ?? null };
}
