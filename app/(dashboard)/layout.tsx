import Link from "next/link";
import { Badge } from "@/components/badge";
import { buttonClass } from "@/components/button";
import { TitleCount } from "@/components/inbox-count";
import { IntentSearch } from "@/components/intent-search";
import { Logo } from "@/components/logo";
import { NavLinks, type NavItem } from "@/components/nav-links";
import { NotificationBell } from "@/components/notification-bell";
import { SignOutButton } from "@/components/sign-out-button";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { can } from "@/lib/permissions/can";
import { requireSession } from "@/lib/auth/require-session";
import { countInbox } from "@/lib/approvals/load-inbox";
import { Providers } from "./providers";
import { getOrganizationSummary } from "@/lib/organizations/get-organization-summary";
import { FrozenBanner } from "./frozen-banner";

const NAV: NavItem[] = [
  { href: "/inbox", label: "Approval inbox", short: "Inbox", icon: "inbox" },
  { href: "/intents", label: "Intents", icon: "intents" },
  { href: "/agents", label: "Agents", icon: "agents" },
  { href: "/policies", label: "Policies", icon: "policies" },
  { href: "/routing", label: "Approval routing", short: "Routing", icon: "routing" },
  { href: "/spend", label: "Spend", icon: "spend" },
  { href: "/reconciliation", label: "Reconciliation", short: "Recon", icon: "reconciliation" },
  { href: "/audit", label: "Audit log", short: "Audit", icon: "audit" },
];
const DEVELOPERS: NavItem = { href: "/developers", label: "Developers", short: "Dev", icon: "developers" };
const SETTINGS: NavItem = { href: "/settings", label: "People & settings", short: "Settings", icon: "people" };

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { db, principal, name } = await requireSession();
  const [org, unread, counts] = await Promise.all([
    getOrganizationSummary(db, principal),
    countUnreadNotifications(db, principal.userId),
    countInbox(db, principal),
  ]);
  // Developers (API keys, webhooks, SDK snippets) and People & settings are for admins only.
  const nav = [
    ...NAV,
    ...(can(principal, "webhook.list", { orgId: principal.orgId }) ? [DEVELOPERS] : []),
    ...(can(principal, "organization.update", { orgId: principal.orgId }) ? [SETTINGS] : []),
  ];
  const timeZone = org.timeZone;
  return (
    <Providers timeZone={timeZone}>
      <TitleCount initial={counts} role={principal.role} />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <div className="lg:flex">
        <aside className="hidden lg:fixed lg:inset-y-0 lg:flex lg:w-64 lg:flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <Link href="/" className="flex h-16 items-center gap-2.5 px-5">
            <Logo />
            <span className="text-[15px] font-semibold tracking-tight">AegisOS Comply</span>
          </Link>
          <nav aria-label="Main" className="flex-1 px-3 py-2">
            <NavLinks items={nav} variant="side" counts={counts} role={principal.role} />
          </nav>
          <div className="border-t border-slate-200 p-4 dark:border-slate-800">
            <p className="truncate text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-slate-500 dark:text-slate-400">{principal.email}</p>
            <div className="mt-3 flex items-center justify-between">
              <Badge tone="blue" className="capitalize">
                {principal.role}
              </Badge>
              <div className="flex items-center gap-1">
                <Link href="/account" className={buttonClass("ghost", "sm")}>
                  Account
                </Link>
                <SignOutButton />
              </div>
            </div>
          </div>
        </aside>
        <div className="min-w-0 flex-1 lg:pl-64">
          <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
            <div className="flex h-14 items-center justify-between gap-3 px-4 sm:px-6 lg:px-8">
              <div className="flex min-w-0 items-center gap-2.5">
                <Link href="/" className="lg:hidden" aria-label="AegisOS Comply home">
                  <Logo className="size-7" />
                </Link>
                <span className="hidden truncate text-sm font-medium text-slate-700 sm:inline dark:text-slate-200">{org.name}</span>
                <span
                  className="hidden text-xs text-slate-500 md:inline dark:text-slate-400"
                  title="Times are shown in the organisation's time zone; hover a time for UTC."
                >
                  · {timeZone}
                </span>
              </div>
              <IntentSearch className="min-w-0 flex-1 sm:max-w-xs" />
              <div className="flex items-center gap-2">
                <NotificationBell unread={unread} />
                <div className="flex items-center gap-2 lg:hidden">
                  <Badge tone="blue" className="hidden capitalize sm:inline-flex">
                    {principal.role}
                  </Badge>
                  <Link href="/account" className={buttonClass("ghost", "sm", "hidden sm:inline-flex")}>
                    Account
                  </Link>
                  <SignOutButton />
                </div>
                <p className="hidden text-sm text-slate-500 xl:block dark:text-slate-400">
                  Signed in as <span className="font-medium text-slate-700 dark:text-slate-200">{principal.email}</span>
                </p>
              </div>
            </div>
            <nav aria-label="Main (compact)" className="border-t border-slate-100 px-2 py-1.5 lg:hidden dark:border-slate-800">
              <NavLinks items={nav} variant="top" counts={counts} role={principal.role} />
            </nav>
          </header>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
            {org.frozenAt && <FrozenBanner since={org.frozenAt} by={org.frozenBy} reason={org.frozenReason} />}
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}
