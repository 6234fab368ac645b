/** Naming helpers shared by the SDK generators. */

const words = (text: string) => text.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);

/** `policy_decision` → `PolicyDecision`, `webhook-endpoints` → `WebhookEndpoints`. */
export const pascal = (text: string) =>
  words(text)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");

/** `respondToApproval` → `respond_to_approval`. */
export const snake = (text: string) =>
  words(text)
    .map((w) => w.toLowerCase())
    .join("_");

/** The name of one item of a list property: `responses` → `Response`, `risk_factors` → `RiskFactor`. */
export const singular = (word: string) => (/[^s]s$/.test(word) ? word.slice(0, -1) : word);

const PYTHON_KEYWORDS = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda " +
    "nonlocal not or pass raise return try while with yield"
  ).split(" "),
);

/** A JSON key as a Python identifier: keywords get a trailing underscore; anything else unusable stops the generator. */
export function pythonName(key: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`"${key}" is not usable as a Python name: add a rule to scripts/sdk/names.ts`);
  return PYTHON_KEYWORDS.has(key) ? `${key}_` : key;
}

/** A JSON value as a Python literal (Literal[...] members). */
export const pythonLiteral = (value: unknown) => (value === null ? "None" : value === true ? "True" : value === false ? "False" : JSON.stringify(value));

/** Text for a docstring or a comment on one line. */
export const oneLine = (text: string | undefined) => (text ?? "").replace(/\s+/g, " ").replace(/\\/g, "\\\\").replace(/"""/g, '\\"\\"\\"').trim();
