import Link from "next/link";
import { buttonClass } from "@/components/button";
import { Logo } from "@/components/logo";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <Logo className="size-10" />
      <p className="mt-6 text-sm font-semibold text-brand-600 dark:text-brand-400">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">We could not find that page</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500 dark:text-slate-400">It may have been removed, or it belongs to another organisation.</p>
      <Link href="/" className={buttonClass("primary", "md", "mt-6")}>
        Back to the dashboard
      </Link>
    </main>
  );
}
