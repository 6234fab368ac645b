// The money and paper trail of the volume seed (see volume-sql.ts): ledger lines with running
// balances, the wallets they add up to, audit events (staged in vol_e, sealed into the hash
// chain by volume-chain.ts) and the approvers' notifications for what is still waiting.
// People parameters everywhere: $1 org, $2 approver, $3 approver2, $4 admin, $5 controller
// (user ids), $6..$9 their emails in the same order.

/** Which person gave an approval's final answer (1-based into the people arrays). */
const FINAL = `(CASE WHEN i.amount > 7500000 AND i.fate = 'approved' THEN 4 WHEN i.amount > 5000000 THEN 3 ELSE 1 + i.g % 2 END)`;
const EXPIRED_AT = `(i.decided + interval '72 hours')`;

/** $10 the opening credit of each generated wallet. */
export const LEDGER_SQL = [
  `CREATE TEMP TABLE vol_l AS
   SELECT a.wallet_id, NULL::text AS intent_id, 'credit' AS kind, $10::bigint AS amount, ag.created_at AS at, 0 AS ord, 'Opening balance' AS memo, 'system' AS actor
   FROM vol_a a JOIN agents ag ON ag.id = a.agent_id WHERE $1::text IS NOT NULL
   UNION ALL SELECT i.wallet_id, i.id, 'debit', i.amount, i.decided, 1, 'Spend approved by policy (auto_approve_limit)', 'policy' FROM vol_i i WHERE i.kind = 'auto'
   UNION ALL SELECT i.wallet_id, i.id, 'hold', i.amount, i.decided, 1, 'Held while a person decides', 'policy' FROM vol_i i WHERE i.kind IN ('appr', 'wait')
   UNION ALL SELECT i.wallet_id, i.id, 'release', i.amount, CASE WHEN i.fate = 'expired' THEN ${EXPIRED_AT} ELSE i.resolved END, 2,
     'Hold released: approval ' || i.fate, CASE WHEN i.fate = 'expired' THEN 'system' ELSE (ARRAY[$6::text, $7::text, $8::text, $9::text])[${FINAL}] END
     FROM vol_i i WHERE i.kind = 'appr'
   UNION ALL SELECT i.wallet_id, i.id, 'debit', i.amount, i.resolved, 3, 'Spend approved by a person', (ARRAY[$6::text, $7::text, $8::text, $9::text])[${FINAL}]
     FROM vol_i i WHERE i.kind = 'appr' AND i.fate = 'approved' AND ($2::text || $3::text || $4::text || $5::text) IS NOT NULL`,
  `INSERT INTO ledger_entries (id, org_id, wallet_id, intent_id, kind, amount, balance_after, held_after, memo, actor, created_at)
   SELECT aegis_id_floor('led', at AT TIME ZONE 'UTC') || substr(md5('vol-led-' || wallet_id || coalesce(intent_id, '') || ord), 1, 14), $1, wallet_id, intent_id, kind::"LedgerKind", amount,
     sum(CASE kind WHEN 'credit' THEN amount WHEN 'debit' THEN -amount ELSE 0 END) OVER w,
     sum(CASE kind WHEN 'hold' THEN amount WHEN 'release' THEN -amount ELSE 0 END) OVER w,
     memo, actor, at
   FROM vol_l WINDOW w AS (PARTITION BY wallet_id ORDER BY at, ord, intent_id ROWS UNBOUNDED PRECEDING) ORDER BY at`,
  `UPDATE wallets w SET balance = s.balance, held = s.held
   FROM (SELECT wallet_id,
     sum(CASE kind WHEN 'credit' THEN amount WHEN 'debit' THEN -amount ELSE 0 END) AS balance,
     sum(CASE kind WHEN 'hold' THEN amount WHEN 'release' THEN -amount ELSE 0 END) AS held
     FROM vol_l GROUP BY wallet_id) s
   WHERE w.id = s.wallet_id AND w.org_id = $1`,
];

const EVT = (tag: string) => `'evt_' || substr(md5('vol-evt-${tag}-' || i.g), 1, 24)`;
const APR = `'apr_' || substr(md5('vol-apr-' || i.g), 1, 24)`;

/** The audit events, as the app writes them for each step, into vol_e (same columns as audit_events). */
export const AUDIT_SQL = [
  `CREATE TEMP TABLE vol_e (id text, org_id text, actor_type text, actor_id text, actor_label text, action text, target_type text, target_id text, data jsonb, created_at timestamp(3))`,
  `INSERT INTO vol_e SELECT ${EVT("sub")}, $1, 'agent', i.agent_id::text, 'agent:' || i.agent_name, 'intent.submitted', 'intent', i.id,
     jsonb_build_object('amount', i.amount, 'currency', 'INR', 'merchant', i.merchant), i.created FROM vol_i i`,
  `INSERT INTO vol_e SELECT ${EVT("dec")}, $1, 'system', NULL, 'system', 'intent.decided', 'intent', i.id,
     jsonb_build_object('outcome', d.outcome, 'rule', d.rule, 'reason', d.reason, 'amount', i.amount, 'currency', 'INR'), i.decided
   FROM vol_i i JOIN policy_decisions d ON d.intent_id = i.id`,
  `INSERT INTO vol_e SELECT ${EVT("req")}, $1, 'system', NULL, 'system', 'approval.requested', 'approval', ap.id,
     jsonb_build_object('intent_id', i.id, 'required_role', ap.required_role, 'approvals_required', ap.approvals_required, 'group_id', NULL, 'group_name', NULL), i.decided
   FROM vol_i i JOIN approvals ap ON ap.intent_id = i.id WHERE i.kind IN ('appr', 'wait')`,
  `INSERT INTO vol_e SELECT 'evt_' || substr(md5('vol-evt-ans-' || r.id), 1, 24), $1, 'user', u.id, u.email, 'approval.answered', 'approval', ap.id,
     jsonb_build_object('decision', r.decision, 'comment', r.comment, 'intent_id', ap.intent_id), r.created_at
   FROM approval_responses r JOIN approvals ap ON ap.id = r.approval_id JOIN users u ON u.id = r.user_id
   WHERE ap.org_id = $1 AND r.id LIKE 'rsp_%' AND EXISTS (SELECT 1 FROM vol_i i WHERE i.id = ap.intent_id)`,
  `INSERT INTO vol_e SELECT ${EVT("fin")}, $1,
     CASE WHEN i.fate = 'expired' THEN 'system' ELSE 'user' END,
     CASE WHEN i.fate = 'expired' THEN NULL ELSE (ARRAY[$2::text, $3::text, $4::text, $5::text])[${FINAL}] END,
     CASE WHEN i.fate = 'expired' THEN 'system' ELSE (ARRAY[$6::text, $7::text, $8::text, $9::text])[${FINAL}] END,
     'approval.' || i.fate, 'approval', ${APR},
     jsonb_build_object('amount', i.amount, 'currency', 'INR', 'intent_id', i.id),
     CASE WHEN i.fate = 'expired' THEN ${EXPIRED_AT} ELSE i.resolved END
   FROM vol_i i WHERE i.kind = 'appr'`,
];

/** Everyone who may answer a waiting approval hears about it once (the bell), as notifyUsers does. */
export const NOTIFICATIONS_SQL = `
  INSERT INTO notifications (id, org_id, user_id, kind, subject_id, title, body, link, created_at, email_status)
  SELECT 'ntf_' || replace(gen_random_uuid()::text, '-', ''), $1, u.id, 'approval_requested', ap.id,
    'Approval needed: ₹' || to_char(i.amount / 100.0, 'FM999999990.00') || ' to ' || i.merchant || ' by ' || i.agent_name,
    'Amount: ₹' || to_char(i.amount / 100.0, 'FM999999990.00') || E'\\nAgent: ' || i.agent_name || E'\\nDeciding rule: auto_approve_limit',
    '/intents/' || i.id, i.decided, 'skipped'
  FROM vol_i i JOIN approvals ap ON ap.intent_id = i.id
  JOIN users u ON u.org_id = $1 AND u.deactivated_at IS NULL AND (u.role = 'admin' OR (u.role = 'approver' AND ap.required_role = 'approver'))
  WHERE i.kind = 'wait'`;
