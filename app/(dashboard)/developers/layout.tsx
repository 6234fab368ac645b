import { requireDeveloper } from "./require-developer";
import { NavLinks, type NavItem } from "@/components/nav-links";

const TABS: NavItem[] = [
  { href: "/developers/keys", label: "API keys", icon: "keys" },
  { href: "/developers/webhooks", label: "Webhooks", icon: "webhooks" },
  { href: "/developers/connect", label: "MCP & SDKs", icon: "developers" },
];

/** Developers: admins only; anyone else is told the page is for admins. */
export default async function DevelopersLayout({ children }: { children: React.ReactNode }) {
  await requireDeveloper();
  return (
    <>
      <nav aria-label="Developers" className="mb-6 border-b border-slate-200 pb-2 dark:border-slate-800">
        <NavLinks items={TABS} variant="top" />
      </nav>
      {children}
    </>
  );
}
