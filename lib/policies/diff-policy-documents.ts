import diff from "microdiff";

export type PolicyChange = { path: string; kind: "added" | "removed" | "changed"; before: unknown; after: unknown };

const KIND = { CREATE: "added", REMOVE: "removed", CHANGE: "changed" } as const;
const show = (v: unknown) => (v === undefined ? "—" : v === null ? "none" : JSON.stringify(v));

/**
 * What changed between two policy documents, one entry per changed field, with a dotted
 * path ("rules.hard_limit", "rules.merchant_blocklist.2"). Lists that only grew or shrank
 * are shown per element, as microdiff reports them.
 */
export function diffPolicyDocuments(before: object, after: object): PolicyChange[] {
  return diff(before as Record<string, unknown>, after as Record<string, unknown>).map((d) => ({
    path: d.path.join("."),
    kind: KIND[d.type],
    before: d.type === "CREATE" ? undefined : d.oldValue,
    after: d.type === "REMOVE" ? undefined : d.value,
  }));
}

/** One line per change, for the CLI and the version list: `rules.hard_limit: 1000000 → 2000000`. */
export const describePolicyChange = (c: PolicyChange) => `${c.path}: ${show(c.before)} → ${show(c.after)}`;
