"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { fieldClass } from "@/components/form-fields";
import { setTimeZoneAction } from "./actions";

export function TimeZoneForm({ current, zones }: { current: string; zones: string[] }) {
  const [zone, setZone] = useState(current);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await setTimeZoneAction(zone);
          toast(res.ok ? { tone: "success", title: `Time zone set to ${res.data}` } : { tone: "error", title: "Time zone not changed", message: res.message });
          router.refresh();
        });
      }}
    >
      <div>
        <label htmlFor="tz" className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300">
          Organisation time zone
        </label>
        <select id="tz" value={zone} onChange={(e) => setZone(e.target.value)} className={fieldClass}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" size="sm" disabled={pending || zone === current}>
        Save time zone
      </Button>
    </form>
  );
}
