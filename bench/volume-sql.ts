// The set-based statements bench/seed-volume.ts runs, in order, inside the demo organisation:
// extra agents with wallets, then a million intents with their decisions, approvals,
// responses, ledger lines, audit events and notifications, each made by one INSERT … SELECT
// over generate_series. Rows look like the app's own (same ids, JSON shapes, memos, actors).
// Parameters: $1 org id, and the ones each statement names.

/** Merchants the generated agents pay: [merchant, category, lowest, highest amount in paise (auto-approvable)]. */
export const VOLUME_MERCHANTS: [string, string, number, number][] = [
  ["Notion", "saas", 80_000, 950_000],
  ["Figma", "saas", 120_000, 800_000],
  ["Slack", "saas", 200_000, 900_000],
  ["Zoom", "saas", 130_000, 600_000],
  ["Atlassian", "saas", 300_000, 980_000],
  ["GitHub", "saas", 200_000, 900_000],
  ["Google Workspace", "saas", 400_000, 990_000],
  ["AWS", "cloud", 150_000, 1_000_000],
  ["Google Cloud", "cloud", 150_000, 1_000_000],
  ["Azure", "cloud", 150_000, 1_000_000],
  ["Cloudflare", "cloud", 50_000, 600_000],
  ["DigitalOcean", "cloud", 30_000, 400_000],
  ["Datadog", "observability", 200_000, 950_000],
  ["Sentry", "observability", 50_000, 500_000],
  ["Grafana Cloud", "observability", 60_000, 600_000],
  ["OpenAI", "api_credits", 50_000, 1_000_000],
  ["Anthropic", "api_credits", 50_000, 1_000_000],
  ["Twilio", "api_credits", 20_000, 500_000],
  ["Lambda Labs", "gpu_compute", 300_000, 1_000_000],
  ["MongoDB Atlas", "database", 100_000, 900_000],
  ["Supabase", "database", 50_000, 500_000],
  ["Meta Ads", "advertising", 200_000, 1_000_000],
  ["Google Ads", "advertising", 200_000, 1_000_000],
  ["LinkedIn Ads", "advertising", 200_000, 1_000_000],
  ["IndiGo", "travel", 350_000, 1_000_000],
  ["MakeMyTrip", "travel", 200_000, 1_000_000],
  ["Taj Hotels", "lodging", 500_000, 1_000_000],
  ["Zomato", "meals", 5_000, 80_000],
  ["Amazon Business", "office", 20_000, 700_000],
  ["WeWork", "office", 300_000, 1_000_000],
];
export const BLOCKED_MERCHANT = ["Dream11", "gambling"] as const;

/** Reference tables the statements join: merchants, generated agents, users, templates. */
export const SETUP_SQL = [
  `CREATE TEMP TABLE vol_m (k int PRIMARY KEY, merchant text, category text, lo bigint, hi bigint)`,
  `CREATE TEMP TABLE vol_a (n int PRIMARY KEY, agent_id uuid, wallet_id text, name text)`,
];

/** $2 how many agents to add, $3 their creation time. */
export const AGENTS_SQL = `
  WITH made AS (
    INSERT INTO agents (id, org_id, name, description, owner, status, created_at)
    SELECT gen_random_uuid(), $1,
      (ARRAY['Procurement','Cloud','Research','Growth','Travel','Data','Support','Infra','Sales','Legal'])[1 + g % 10] || ' agent ' || lpad(g::text, 3, '0'),
      'Generated for the volume benchmark (bench/seed-volume.ts).',
      (ARRAY['Priya Sharma (Finance Ops)','Arjun Mehta (Platform)','Kavya Iyer (Research)','Rahul Gupta (Growth)','Neha Joshi (People Ops)'])[1 + g % 5],
      'active', $3::timestamp
    FROM generate_series(1, $2::int) g
    RETURNING id, name, created_at
  ), numbered AS (SELECT id, name, created_at, (row_number() OVER (ORDER BY name) - 1)::int AS n FROM made)
  INSERT INTO vol_a (n, agent_id, wallet_id, name)
  SELECT n, id, 'wal_' || substr(md5('vol-wallet-' || id::text), 1, 24), name FROM numbered`;

export const WALLETS_SQL = `
  INSERT INTO wallets (id, org_id, agent_id, currency, balance, held, created_at)
  SELECT a.wallet_id, $1, a.agent_id, 'INR', 0, 0, ag.created_at FROM vol_a a JOIN agents ag ON ag.id = a.agent_id`;

/**
 * One row per intent to make, with its fate: 'auto' approved by policy, 'hard' and 'gamble'
 * denied, 'appr' sent to a person (then approved, rejected or expired), 'wait' still waiting.
 * $2 decided intents, $3 waiting approvals, $4 days of history, $5 agents, $6 merchants.
 */
export const PLAN_SQL = `
  CREATE TEMP TABLE vol_i AS
  WITH raw AS (
    SELECT g, random() AS u, random() AS u2, random() AS u3, random() AS u4,
      date_trunc('milliseconds', (now() AT TIME ZONE 'UTC') - random() * ($4::int * interval '1 day')) AS created
    FROM generate_series(1, $2::int) g
    UNION ALL
    SELECT $2::int + g, 2, random(), random(), random(),
      date_trunc('milliseconds', (now() AT TIME ZONE 'UTC') - interval '5 minutes' - random() * interval '70 hours')
    FROM generate_series(1, $3::int) g
  ), typed AS (
    SELECT *, CASE WHEN u >= 2 THEN 'wait' WHEN u < 0.86 THEN 'auto' WHEN u < 0.90 THEN 'hard' WHEN u < 0.93 THEN 'gamble' ELSE 'appr' END AS kind
    FROM raw
  )
  SELECT t.g, t.kind, t.created,
    -- time-ordered like the app's (lib/db/ids.ts), so each lands in its month's partition
    aegis_id_floor('int', t.created AT TIME ZONE 'UTC') || substr(md5('vol-int-' || t.g), 1, 14) AS id,
    a.agent_id, a.wallet_id, a.name AS agent_name,
    CASE WHEN t.kind = 'gamble' THEN '${BLOCKED_MERCHANT[0]}' ELSE m.merchant END AS merchant,
    CASE WHEN t.kind = 'gamble' THEN '${BLOCKED_MERCHANT[1]}' ELSE m.category END AS category,
    (CASE t.kind
      WHEN 'auto' THEN m.lo + floor(t.u3 * t.u3 * (m.hi - m.lo))
      WHEN 'gamble' THEN 50000 + floor(t.u3 * 500000)
      WHEN 'hard' THEN 10000100 + floor(t.u3 * 20000000)
      ELSE CASE WHEN t.u4 < 0.9 THEN 1000100 + floor(t.u3 * 3900000) WHEN t.u4 < 0.98 THEN 5000100 + floor(t.u3 * 2400000) ELSE 7500100 + floor(t.u3 * 2400000) END
    END)::bigint AS amount,
    round((0.7 + t.u2 * 0.29)::numeric, 2)::float8 AS confidence,
    -- a person's fate for 'appr' (expired only when its 72 hours have passed)
    CASE WHEN t.kind <> 'appr' THEN NULL WHEN t.u2 < 0.72 OR t.created > (now() AT TIME ZONE 'UTC') - interval '73 hours' THEN 'approved'
      WHEN t.u2 < 0.92 THEN 'rejected' ELSE 'expired' END AS fate,
    t.created + interval '40 milliseconds' AS decided,
    least(t.created + interval '40 milliseconds' + t.u4 * interval '20 hours', (now() AT TIME ZONE 'UTC') - interval '1 minute') AS resolved,
    (t.u3 < 0.95 AND t.created < (now() AT TIME ZONE 'UTC') - interval '2 days') AS captured,
    t.u4
  FROM typed t
  JOIN vol_a a ON a.n = t.g % $5::int
  JOIN vol_m m ON m.k = (a.n * 7 + floor(t.u4 * 8)::int) % $6::int
  WHERE $1::text IS NOT NULL`;

/** $2 approver user id, $3 second approver user id: who answered. $4/$5 their emails. */
export const INTENTS_SQL = `
  INSERT INTO intents (id, org_id, agent_id, amount, currency, reason, confidence, merchant, merchant_category, metadata, status,
    request_hash, created_at, decided_at, captured_amount, settlement, settled_at, rejected_by_person)
  SELECT i.id, $1, i.agent_id, i.amount, 'INR',
    i.merchant || ' ' || (ARRAY['monthly invoice','usage top-up','annual renewal','seats for new joiners','campaign spend','team booking'])[1 + i.g % 6],
    i.confidence, i.merchant, i.category,
    jsonb_build_object('invoice_id', 'INV-' || to_char(i.created, 'YYYY') || '-' || (1000 + i.g % 9000), 'cost_center', 'CC-' || (100 + i.g % 40 * 10)),
    (CASE WHEN i.kind = 'auto' THEN 'approved' WHEN i.kind IN ('hard','gamble') THEN 'denied' WHEN i.kind = 'wait' THEN 'pending_approval'
      WHEN i.fate = 'approved' THEN 'approved' WHEN i.fate = 'rejected' THEN 'denied' ELSE 'expired' END)::"IntentStatus",
    md5('vol-req-' || i.g), i.created,
    CASE WHEN i.kind IN ('auto','hard','gamble') THEN i.decided WHEN i.kind = 'wait' THEN NULL
      WHEN i.fate = 'expired' THEN i.created + interval '72 hours' ELSE i.resolved END,
    CASE WHEN i.captured AND (i.kind = 'auto' OR i.fate = 'approved') THEN i.amount END,
    CASE WHEN i.captured AND (i.kind = 'auto' OR i.fate = 'approved') THEN 'captured'::"Settlement" END,
    CASE WHEN i.captured AND (i.kind = 'auto' OR i.fate = 'approved') THEN i.resolved + interval '2 hours' END,
    i.kind = 'appr' AND i.fate = 'rejected'
  FROM vol_i i
  -- in arrival order, as the app's rows are: the heap then follows created_at like a real table's
  ORDER BY i.created`;

/** $2..$5 the trace templates (JSON text) for auto, appr, hard, gamble; $6 budgets; $7 policy version. */
export const DECISIONS_SQL = `
  INSERT INTO policy_decisions (id, intent_id, outcome, rule, reason, trace, budgets, risk_level, policy_version, created_at)
  SELECT 'dec_' || substr(md5('vol-dec-' || i.g), 1, 24), i.id,
    (CASE WHEN i.kind = 'auto' THEN 'approve' WHEN i.kind IN ('hard','gamble') THEN 'deny' ELSE 'require_approval' END)::"DecisionOutcome",
    CASE i.kind WHEN 'hard' THEN 'hard_limit' WHEN 'gamble' THEN 'category_blocklist' ELSE 'auto_approve_limit' END,
    CASE i.kind
      WHEN 'auto' THEN 'Amount ' || to_char(i.amount / 100.0, 'FM999999990.00') || ' INR is within the auto-approve limit of 10,000.00 INR and every other rule passed.'
      WHEN 'hard' THEN 'Amount ' || to_char(i.amount / 100.0, 'FM999999990.00') || ' INR exceeds the hard limit of 1,00,000.00 INR.'
      WHEN 'gamble' THEN 'The merchant category "gambling" is on the merchant category blocklist.'
      ELSE 'Amount ' || to_char(i.amount / 100.0, 'FM999999990.00') || ' INR exceeds the auto-approve limit of 10,000.00 INR; a human must approve.'
    END,
    CASE i.kind WHEN 'auto' THEN $2::jsonb WHEN 'hard' THEN $4::jsonb WHEN 'gamble' THEN $5::jsonb ELSE $3::jsonb END,
    $6::jsonb, 'low', $7::int, i.decided
  FROM vol_i i WHERE $1::text IS NOT NULL`;

export const APPROVALS_SQL = `
  INSERT INTO approvals (id, org_id, intent_id, status, required_role, approvals_required, expires_at, created_at, resolved_at,
    amount, submitted_by_user_id, key_created_by_user_id)
  SELECT 'apr_' || substr(md5('vol-apr-' || i.g), 1, 24), $1, i.id,
    (CASE WHEN i.kind = 'wait' THEN 'pending' ELSE i.fate END)::"ApprovalStatus",
    (CASE WHEN i.amount > 5000000 THEN 'admin' ELSE 'approver' END)::"Role",
    CASE WHEN i.amount > 7500000 THEN 2 ELSE 1 END,
    i.decided + interval '72 hours', i.decided,
    CASE WHEN i.kind = 'wait' THEN NULL WHEN i.fate = 'expired' THEN i.decided + interval '72 hours' ELSE i.resolved END,
    i.amount, it.submitted_by_user_id, k.created_by_user_id
  FROM vol_i i JOIN intents it ON it.id = i.id LEFT JOIN api_keys k ON k.id = it.api_key_id
  WHERE i.kind IN ('appr', 'wait')`;

/** $1 unused here; $2/$3 approver and second approver ids, $4/$5 admin and controller ids. */
export const RESPONSES_SQL = `
  INSERT INTO approval_responses (id, approval_id, user_id, decision, comment, created_at)
  SELECT 'rsp_' || substr(md5('vol-rsp-' || i.g || '-' || r.k), 1, 24), 'apr_' || substr(md5('vol-apr-' || i.g), 1, 24),
    CASE WHEN i.amount > 5000000 THEN (ARRAY[$4::text, $5::text])[r.k] ELSE (ARRAY[$2::text, $3::text])[1 + i.g % 2] END,
    (CASE WHEN i.fate = 'approved' THEN 'approve' ELSE 'reject' END)::"ApprovalDecision",
    CASE WHEN i.fate = 'approved' THEN 'Matches the invoice on file.' ELSE 'Not budgeted this quarter.' END,
    i.resolved - (2 - r.k) * interval '1 second'
  FROM vol_i i CROSS JOIN LATERAL generate_series(1, CASE WHEN i.amount > 7500000 AND i.fate = 'approved' THEN 2 ELSE 1 END) AS r(k)
  WHERE i.kind = 'appr' AND i.fate IN ('approved', 'rejected') AND $1::text IS NOT NULL`;
