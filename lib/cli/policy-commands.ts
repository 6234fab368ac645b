import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { toPolicyDocument } from "@/lib/policies/engine";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { listPolicyVersions } from "@/lib/policies/list-policy-versions";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";
import { ChangeReason } from "@/lib/policies/policy-schemas";
import { BACKTEST_DAYS, backtestPolicy, type BacktestDays } from "@/lib/policies/backtest/backtest-policy";
import { getShadowReport } from "@/lib/policies/shadow/get-shadow-report";
import { startShadowPolicy } from "@/lib/policies/shadow/start-shadow-policy";
import { stopShadowPolicy } from "@/lib/policies/shadow/stop-shadow-policy";
import { optionalString, requireString, type AdminArgs } from "./admin-command-args";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

/**
 * `policy show` writes the document with the version it is ("base_version"), so the file
 * it produces, edited and given to `policy set`, names its base: a save on top of a
 * version someone else has replaced since is refused (409) instead of overwriting theirs.
 */
function documentAndBase(args: AdminArgs): { document: Record<string, unknown>; baseVersion: number } {
  const file = args.policy;
  if (file === undefined) throw new AppError("validation_error", "--file is required (a JSON policy document)");
  if (typeof file !== "object" || file === null || Array.isArray(file)) throw new AppError("validation_error", "The policy file must hold a JSON object");
  const { base_version: fromFile, ...document } = file as Record<string, unknown>;
  const given = optionalString(args, "base-version") ?? (fromFile === undefined ? undefined : String(fromFile));
  if (given === undefined || !/^\d+$/.test(given)) {
    throw new AppError(
      "validation_error",
      'Name the version this policy is based on: --base-version N, or "base_version" in the file (policy show writes it)',
      [{ field: "base_version", issue: "required" }],
    );
  }
  return { document, baseVersion: Number(given) };
}

/** A draft from --file; a "base_version" the file may carry (from policy show) is not part of it. */
function draft(args: AdminArgs): Record<string, unknown> {
  if (args.policy === undefined || typeof args.policy !== "object" || args.policy === null)
    throw new AppError("validation_error", "--file is required (a JSON policy document)");
  const { base_version: _ignored, ...document } = args.policy as Record<string, unknown>;
  return document;
}

function days(args: AdminArgs): BacktestDays {
  const d = Number(optionalString(args, "days") ?? 30);
  if (!(BACKTEST_DAYS as readonly number[]).includes(d))
    throw new AppError("validation_error", "--days is 7, 30 or 90", [{ field: "days", issue: "7, 30 or 90" }]);
  return d as BacktestDays;
}

const shadowReport = async (db: Db, orgId: string) =>
  (await getShadowReport(db, "system", orgId)) ?? { running: false, message: "No draft has run in shadow yet." };

const org = async (db: Db, a: AdminArgs) => (await getOrganizationOrThrow(db, requireString(a, "org"))).id;

export const POLICY_COMMANDS: Record<string, Command> = {
  "policy show": {
    usage: "policy show --org ID",
    run: async (db, a) => {
      const orgId = await org(db, a);
      const [current, currency] = await Promise.all([getOrgPolicy(db, orgId), getOrgCurrency(db, orgId)]);
      return { base_version: current.version, ...toPolicyDocument(current.policy, currency) };
    },
  },
  "policy set": {
    // The operator is exempt from four eyes: the version is live at once, audited as approval "operator".
    usage: 'policy set --org ID --file policy.json --reason "why" [--base-version N]',
    run: async (db, a) => {
      const orgId = await org(db, a);
      const { document, baseVersion } = documentAndBase(a);
      const reason = ChangeReason.safeParse(optionalString(a, "reason") ?? "");
      if (!reason.success) throw new AppError("validation_error", "--reason is required: say why the policy changes", [{ field: "reason", issue: "required" }]);
      const saved = await setOrgPolicy(db, "system", orgId, document, baseVersion, reason.data);
      return { org_id: orgId, version: saved.version, approval: "operator", policy: toPolicyDocument(saved.policy, await getOrgCurrency(db, orgId)) };
    },
  },
  "policy versions": {
    usage: "policy versions --org ID",
    run: async (db, a) => listPolicyVersions(db, await org(db, a)),
  },
  "policy backtest": {
    usage: "policy backtest --org ID --file draft.json [--days 7|30|90]",
    run: async (db, a) => backtestPolicy(db, "system", await org(db, a), draft(a), days(a)),
  },
  "policy shadow start": {
    usage: "policy shadow start --org ID --file draft.json",
    run: async (db, a) => {
      const orgId = await org(db, a);
      await startShadowPolicy(db, "system", orgId, draft(a));
      return shadowReport(db, orgId);
    },
  },
  "policy shadow stop": {
    usage: "policy shadow stop --org ID",
    run: async (db, a) => {
      const orgId = await org(db, a);
      await stopShadowPolicy(db, "system", orgId);
      return shadowReport(db, orgId);
    },
  },
  "policy shadow show": {
    usage: "policy shadow show --org ID",
    run: async (db, a) => shadowReport(db, await org(db, a)),
  },
};
