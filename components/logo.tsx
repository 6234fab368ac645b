export function Logo({ className = "size-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={className}>
      <rect width="32" height="32" rx="8" className="fill-brand-600 dark:fill-brand-500" />
      <path d="M16 6l8 3.2v6.1c0 5-3.4 9.3-8 10.7-4.6-1.4-8-5.7-8-10.7V9.2L16 6z" fill="white" fillOpacity=".95" />
      <path d="M12.3 16.2l2.6 2.6 5-5.2" fill="none" stroke="#2452e0" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
