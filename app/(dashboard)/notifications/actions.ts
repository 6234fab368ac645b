"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { NotificationPreferenceSchema, setNotificationPreference } from "@/lib/notifications/set-notification-preference";

/** A person's own notifications and email preference; nobody else's. */
export const markAllReadAction = defineAction({
  args: [],
  input: z.strictObject({}),
  revalidate: { path: "/", type: "layout" },
  run: async ({ db, principal }) => markNotificationsRead(db, principal.userId),
});

export const setPreferenceAction = defineAction({
  args: ["preference"],
  input: z.strictObject({ preference: NotificationPreferenceSchema }),
  revalidate: "/notifications",
  run: async ({ db, principal }, { preference }) => setNotificationPreference(db, principal.userId, preference),
});
