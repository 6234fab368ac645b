export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-gradient-to-b from-slate-100 to-slate-50 px-4 py-12 dark:from-slate-900 dark:to-slate-950">
      {children}
    </main>
  );
}
