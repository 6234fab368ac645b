import { Logo } from "@/components/logo";

/** The frame of the pages around signing in: logo, a title, what to do, and the form. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description: React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <div className="w-full max-w-sm">
      <div className="mb-8 flex flex-col items-center text-center">
        <Logo className="size-11" />
        <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900 dark:text-white">{title}</h1>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{description}</p>
      </div>
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">{children}</div>
      {footer && <div className="mt-6 text-center text-xs text-slate-500 dark:text-slate-400">{footer}</div>}
    </div>
  );
}
