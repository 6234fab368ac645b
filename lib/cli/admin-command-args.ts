import { AppError } from "@/lib/errors/app-error";

/** Options of one admin command as parsed from the command line (or sent to the server). */
export type AdminArgs = Record<string, unknown>;

const missing = (name: string) => new AppError("validation_error", `--${name} is required`, [{ field: name, issue: "required" }]);
const invalid = (name: string, issue: string) => new AppError("validation_error", `--${name} ${issue}`, [{ field: name, issue }]);

export function optionalString(args: AdminArgs, name: string): string | undefined {
  const value = args[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(name, "needs a value");
  return value.trim() === "" ? undefined : value.trim();
}

export function requireString(args: AdminArgs, name: string): string {
  const value = optionalString(args, name);
  if (value === undefined) throw missing(name);
  return value;
}

/** Whole minor units (paise, cents) written as digits only: "12500", never "125.00". */
export function optionalMinorUnits(args: AdminArgs, name: string): number | undefined {
  const value = args[name];
  if (value === undefined) return undefined;
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^\d+$/.test(text.trim())) {
    throw invalid(name, "must be a whole number of minor units (e.g. 12500 paise for ₹125.00)");
  }
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n)) throw invalid(name, "is too large");
  return n;
}

export function requireMinorUnits(args: AdminArgs, name: string): number {
  const n = optionalMinorUnits(args, name);
  if (n === undefined) throw missing(name);
  return n;
}
