"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/actions/action-result";
import { requireSession } from "@/lib/auth/require-session";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { NotificationPreferenceSchema, setNotificationPreference } from "@/lib/notifications/set-notification-preference";

/** A person's own notifications and email preference; nobody else's. */
export async function markAllReadAction() {
  const { db, principal } = await requireSession();
  const result = await toActionResult(() => markNotificationsRead(db, principal.userId));
  revalidatePath("/", "layout");
  return result;
}

export async function setPreferenceAction(preference: string) {
  const { db, principal } = await requireSession();
  const result = await toActionResult(() => setNotificationPreference(db, principal.userId, NotificationPreferenceSchema.parse(preference)));
  revalidatePath("/notifications");
  return result;
}
