/** Form controls share one look across the dashboard's pages. */
export const fieldClass =
  "block h-9 w-full rounded-lg border-0 bg-white px-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-950 dark:text-white dark:ring-slate-700";
export const fieldLabelClass = "mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300";
