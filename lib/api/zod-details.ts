import type { ZodError } from "zod";
import type { ErrorDetail } from "@/lib/errors/app-error";

/** zod issues as the API's `details`: one {field, issue} per problem, field as a dotted path. */
export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join(".");
    if (i.code === "unrecognized_keys") {
      return { field: [path, ...i.keys].filter(Boolean).join(".") || "(body)", issue: `unknown field${i.keys.length > 1 ? "s" : ""}: ${i.keys.join(", ")}` };
    }
    return { field: path || "(body)", issue: i.message };
  });
}

export function summarize(details: ErrorDetail[]): string {
  const first = details[0];
  if (!first) return "The request is invalid";
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? "s" : ""})` : "";
  return `${first.field}: ${first.issue}${more}`;
}
