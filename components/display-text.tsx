"use client";

import { toDisplayText } from "@/lib/format/display-text";
import { useOrgTimeZone } from "./org-time";

/** Engine or stored text (reasons, the rule trace, notification bodies) in the dashboard's formats. */
export function DisplayText({ text }: { text: string }) {
  return <>{toDisplayText(text, useOrgTimeZone())}</>;
}
