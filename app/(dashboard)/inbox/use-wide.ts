"use client";

import { useSyncExternalStore } from "react";

const QUERY = "(min-width: 1024px)";
const subscribe = (on: () => void) => {
  const m = window.matchMedia(QUERY);
  m.addEventListener("change", on);
  return () => m.removeEventListener("change", on);
};

/** True at the width where the inbox shows its side panel (Tailwind's lg); the server renders the narrow layout. */
export function useWide(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
