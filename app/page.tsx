import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/require-session";

/** Approvers and admins start in their inbox; viewers in the intents list. */
export default async function Home() {
  const { principal } = await requireSession();
  redirect(principal.role === "viewer" ? "/intents" : "/inbox");
}
