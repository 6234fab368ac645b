import type { DbOrTx } from "@/lib/db/client";
import { z } from "zod";

export const NotificationPreferenceSchema = z.enum(["immediate", "digest", "off"]);
export type NotificationPreferenceValue = z.infer<typeof NotificationPreferenceSchema>;

/**
 * How a person wants approval emails: each at once, a daily digest, or none (the bell lists
 * them regardless). People set their own; the CLI may set anyone's.
 */
export async function setNotificationPreference(db: DbOrTx, userId: string, preference: NotificationPreferenceValue) {
  const value = NotificationPreferenceSchema.parse(preference);
  await db.notificationSettings.upsert({ where: { userId }, create: { userId, preference: value }, update: { preference: value } });
  return { user_id: userId, preference: value };
}

export async function getNotificationPreference(db: DbOrTx, userId: string): Promise<NotificationPreferenceValue> {
  return (await db.notificationSettings.findUnique({ where: { userId } }))?.preference ?? "immediate";
}
