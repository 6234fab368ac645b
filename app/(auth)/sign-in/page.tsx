import type { Metadata } from "next";
import { Logo } from "@/components/logo";
import { oidcSettings } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

/** next-auth's error codes we explain; anything else in the URL is someone else's text and is not shown. */
const KNOWN_ERRORS: Record<string, string> = {
  CredentialsSignin: "The email or password is not correct.",
  SessionRequired: "",
  Signin: "Sign-in failed. Try again.",
  Callback: "Sign-in failed. Try again.",
  Configuration: "Sign-in is not available right now.",
  AccessDenied: "You do not have access. Ask your admin, or your identity provider's admin, for a role in AegisOS Comply.",
  OAuthSignin: "Single sign-on is not available right now.",
  OAuthCallback: "Single sign-on failed. Try again.",
  Verification: "Sign-in failed. Try again.",
  Default: "Sign-in failed. Try again.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const shown = typeof error === "string" ? (Object.hasOwn(KNOWN_ERRORS, error) ? KNOWN_ERRORS[error] : KNOWN_ERRORS.Default) : "";
  return (
    <div className="w-full max-w-sm">
      <div className="mb-8 flex flex-col items-center text-center">
        <Logo className="size-11" />
        <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900 dark:text-white">Sign in to AegisOS Comply</h1>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">The approval gate for your AI agents&apos; spending.</p>
      </div>
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : "/"} initialError={shown || null} singleSignOn={oidcSettings() !== null} />
      </div>
      <p className="mt-6 text-center text-xs text-slate-500 dark:text-slate-400">Access is managed by your organisation&apos;s admin.</p>
    </div>
  );
}
