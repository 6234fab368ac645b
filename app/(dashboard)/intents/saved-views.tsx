"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { cn } from "@/components/cn";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { NameDialog } from "@/components/name-dialog";
import { useToast } from "@/components/toast";
import type { SavedViewDto } from "@/lib/saved-views/saved-view-schemas";
import { deleteViewAction, renameViewAction, saveViewAction } from "./actions";

type Dialog = "save" | "rename" | "delete" | null;

/**
 * The person's saved views of this list as links (opening one sets the URL's query), the one
 * whose filters are on screen marked, and Save / Rename / Delete through dialogs. `current` is
 * the page's query as a view would store it (normalizeViewQuery), so the marking is exact.
 */
export function SavedViews({ views, current }: { views: SavedViewDto[]; current: string }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | undefined>();
  const [pending, start] = useTransition();
  const toast = useToast();
  const active = views.find((v) => v.query === current);
  const close = () => {
    setDialog(null);
    setError(undefined);
  };
  const named = (run: (name: string) => Promise<{ ok: boolean; message?: string }>, done: string) => (name: string) =>
    start(async () => {
      const res = await run(name);
      if (!res.ok) return setError(res.message);
      close();
      toast({ tone: "success", title: done, message: name });
    });

  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <h2 className="mr-1 text-xs font-medium text-slate-600 dark:text-slate-300">My views</h2>
      {views.length === 0 ? (
        <span className="text-sm text-slate-500 dark:text-slate-400">None yet: filter or search, then save the view to come back to it.</span>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="My saved views">
          {views.map((v) => (
            <li key={v.id}>
              <Link
                href={v.query ? `/intents?${v.query}` : "/intents"}
                aria-current={v === active ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 max-w-[16rem] items-center rounded-full px-3 text-sm ring-1 ring-inset",
                  v === active
                    ? "bg-brand-600 font-medium text-white ring-brand-600 dark:bg-brand-500 dark:ring-brand-500"
                    : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800",
                )}
              >
                <span className="truncate">{v.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="ml-auto flex gap-2">
        {active ? (
          <>
            <Button size="sm" variant="ghost" aria-label={`Rename view ${active.name}`} onClick={() => setDialog("rename")}>
              Rename
            </Button>
            <Button size="sm" variant="ghost" aria-label={`Delete view ${active.name}`} onClick={() => setDialog("delete")}>
              Delete
            </Button>
          </>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => setDialog("save")}>
            Save view
          </Button>
        )}
      </div>
      <NameDialog
        open={dialog === "save"}
        title="Save this view"
        label="Name"
        confirmLabel="Save view"
        busy={pending}
        error={error}
        onCancel={close}
        onConfirm={named((name) => saveViewAction(name, current), "View saved")}
      >
        <p>The search, filters and order on screen, under a name only you see.</p>
      </NameDialog>
      <NameDialog
        open={dialog === "rename"}
        title="Rename this view"
        label="New name"
        initial={active?.name ?? ""}
        confirmLabel="Rename"
        busy={pending}
        error={error}
        onCancel={close}
        onConfirm={named((name) => renameViewAction(active!.id, name), "View renamed")}
      />
      <ConfirmDialog
        open={dialog === "delete"}
        title={`Delete the view “${active?.name ?? ""}”?`}
        confirmLabel="Delete view"
        busy={pending}
        onCancel={close}
        onConfirm={() =>
          start(async () => {
            const res = await deleteViewAction(active!.id);
            close();
            if (!res.ok) toast({ tone: "error", title: "Not deleted", message: res.message });
            else toast({ tone: "success", title: "View deleted" });
          })
        }
      >
        <p>Only the saved name goes; the filters stay on screen and no intent changes.</p>
      </ConfirmDialog>
    </div>
  );
}
