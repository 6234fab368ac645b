import { sql } from "kysely";
import type { AnyReadDb } from "@/lib/db/client";
import { sqlOf } from "@/lib/db/sql";

/**
 * Beyond this many, the inbox leaves "already answered" to a probe of each approval's answers
 * (answerableApprovalsWhere's relation filter) instead of a list of ids in the statement.
 */
const ANSWERED_LIST_LIMIT = 2_000;

/**
 * The open approvals of the organisation this person has already answered (a quorum waiting for
 * someone else), or null past ANSWERED_LIST_LIMIT. Read from their answers given since the oldest
 * open approval was opened — an answer to an open approval cannot be older — through
 * approval_responses (user_id, created_at): a few days of one person's answers, whatever the
 * history. As a relation filter inside the inbox's "waiting on others" (NOT answerable) the
 * planner hashed every answer this person ever gave (64,000 for an admin at ten million intents)
 * for each of the page's three statements. At ten million intents: 2,895 answers in the window,
 * hashed against the 10,008 open approvals' index (16 ms); probing each answer's approval by its
 * key instead took 120 ms.
 */
export async function loadAnsweredOpenApprovalIds(db: AnyReadDb, orgId: string, userId: string): Promise<string[] | null> {
  const { rows } = await sql<{ id: string }>`
    SELECT r.approval_id AS id FROM approval_responses r JOIN approvals a ON a.id = r.approval_id
    WHERE r.user_id = ${userId} AND a.org_id = ${orgId} AND a.status = 'pending'
      AND r.created_at >= (SELECT min(p.created_at) FROM approvals p WHERE p.org_id = ${orgId} AND p.status = 'pending')
    LIMIT ${ANSWERED_LIST_LIMIT + 1}`.execute(sqlOf(db));
  return rows.length > ANSWERED_LIST_LIMIT ? null : rows.map((r) => r.id);
}
