import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { listNotifications, shownUnread } from "@/lib/notifications/list-notifications";
import { notificationConfig } from "@/lib/notifications/notification-config";
import { getNotificationPreference } from "@/lib/notifications/set-notification-preference";
import { MarkAllReadButton, PreferenceForm } from "./notification-controls";
import { Time } from "@/components/org-time";
import { DisplayText } from "@/components/display-text";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const { db, principal } = await requireSession();
  const [{ items, unread }, preference] = await Promise.all([listNotifications(db, principal.userId), getNotificationPreference(db, principal.userId)]);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Approvals waiting for you, reminders before they expire, and webhook endpoints that stopped."
        actions={<MarkAllReadButton disabled={unread === 0} />}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card aria-labelledby="notif-h">
          <CardHeader id="notif-h" title={unread ? `${shownUnread(unread)} unread` : "All read"} />
          {items.length === 0 ? (
            <EmptyState title="Nothing yet">When an approval needs you, it shows up here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="notification-list">
              {items.map((n) => (
                <li key={n.id} className="px-5 py-4">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link href={n.link} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
                      {n.title}
                    </Link>
                    <span className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
                      {!n.readAt && <Badge tone="blue">New</Badge>}
                      <Time at={n.createdAt} />
                    </span>
                  </div>
                  <p className="mt-1 whitespace-pre-line text-sm text-slate-600 dark:text-slate-300">
                    <DisplayText text={n.body} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="pref-h" className="self-start">
          <CardHeader id="pref-h" title="Email" />
          <CardBody>
            <PreferenceForm value={preference} smtp={notificationConfig().smtpUrl !== null} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
