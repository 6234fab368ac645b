/** The routing page's form controls share one look. */
export const fieldClass =
  "h-9 w-full rounded-lg border-0 bg-white px-2.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-950 dark:ring-slate-700";
export const fieldLabelClass = "mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300";
