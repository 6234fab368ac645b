import { cn } from "./cn";

/** A responsive data table: scrolls sideways on a phone instead of squeezing columns. */
export function Table({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // Focusable so keyboard users can scroll a wide table on a narrow screen.
    <div className="overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: React.ReactNode }) {
  return (
    <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500 dark:bg-slate-900/60 dark:text-slate-400">
      <tr>{children}</tr>
    </thead>
  );
}

export function Th({
  className,
  children,
  align,
  "aria-sort": ariaSort,
}: {
  className?: string;
  children?: React.ReactNode;
  align?: "right";
  "aria-sort"?: "ascending" | "descending";
}) {
  return (
    <th scope="col" aria-sort={ariaSort} className={cn("px-4 py-2.5 font-medium whitespace-nowrap", align === "right" && "text-right", className)}>
      {children}
    </th>
  );
}

export function TBody({ children }: { children: React.ReactNode }) {
  return <tbody className="divide-y divide-slate-100 dark:divide-slate-800">{children}</tbody>;
}

export function Tr({ children, className }: { children: React.ReactNode; className?: string }) {
  return <tr className={cn("hover:bg-slate-50 dark:hover:bg-slate-800/40", className)}>{children}</tr>;
}

export function Td({ className, children, align }: { className?: string; children?: React.ReactNode; align?: "right" }) {
  return <td className={cn("px-4 py-3 align-middle", align === "right" && "text-right", className)}>{children}</td>;
}
