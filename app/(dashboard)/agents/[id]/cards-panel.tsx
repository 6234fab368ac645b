"use client";

import { useId, useState, useTransition } from "react";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { EmptyState } from "@/components/empty-state";
import { FieldError, fieldIssue } from "@/components/field-error";
import { fieldClass, fieldLabelClass } from "@/components/form-fields";
import { Time } from "@/components/org-time";
import { RAIL_PROVIDERS, railLabel } from "@/components/rails/rail-providers";
import { useToast } from "@/components/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { RailProvider } from "@/lib/rails/rail-adapter";
import type { CardDto } from "@/lib/rails/rail-schemas";
import { attachCardAction, detachCardAction } from "./card-actions";

type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * The agent's rail cards. Everyone reads them; admins attach a card by the rail's card id and
 * detach one after confirming. `railsActive` (admins only) says whether any rail is connected.
 */
export function CardsPanel({
  agentId,
  agentName,
  cards,
  canManage,
  railsActive,
}: {
  agentId: string;
  agentName: string;
  cards: CardDto[];
  canManage: boolean;
  railsActive: RailProvider[] | null;
}) {
  const [adding, setAdding] = useState(false);
  const [detaching, setDetaching] = useState<CardDto | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();

  const detach = (c: CardDto) =>
    start(async () => {
      const res = await detachCardAction(agentId, c.id);
      setDetaching(null);
      toast(res.ok ? { tone: "success", title: `Card ${cardName(c)} detached` } : { tone: "error", title: "Card not detached", message: res.message });
    });

  return (
    <Card className="mt-6" aria-labelledby="cards-h" data-testid="agent-cards">
      <CardHeader
        id="cards-h"
        title="Cards"
        description="Payments on these cards go through only when one of this agent's approved intents covers them."
        actions={
          canManage && !adding ? (
            <Button size="sm" onClick={() => setAdding(true)}>
              Attach card
            </Button>
          ) : undefined
        }
      />
      {canManage && railsActive !== null && railsActive.length === 0 && (
        <p className="border-b border-amber-200 bg-amber-50 px-5 py-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          No payment rail is connected yet, so no card asks AegisOS before it pays.{" "}
          <Link href="/settings/rails" className="font-medium underline">
            Connect a rail
          </Link>
        </p>
      )}
      {canManage && adding && <AttachCardForm agentId={agentId} agentName={agentName} onDone={() => setAdding(false)} />}
      {cards.length === 0 ? (
        <EmptyState title="No cards attached" icon={<span className="text-lg font-semibold">▭</span>}>
          {canManage ? "Attach the rail's card id (Stripe ic_…, Lithic card token) to let this agent pay by card." : "An admin attaches cards to agents."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {cards.map((c) => (
            <li
              key={c.id}
              data-testid="agent-card"
              data-rail-card={c.rail_card_id}
              data-state={c.detached_at ? "detached" : "attached"}
              className="flex flex-wrap items-center justify-between gap-3 px-5 py-3"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900 dark:text-white">
                  <span>{railLabel(c.provider)}</span>
                  {c.last4 && <span className="tabular text-slate-600 dark:text-slate-300">•••• {c.last4}</span>}
                  {c.detached_at ? <Badge tone="neutral">Detached</Badge> : <Badge tone="green">Attached</Badge>}
                </p>
                <p className="mt-0.5 font-mono text-xs break-all text-slate-500 dark:text-slate-400">{c.rail_card_id}</p>
                <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
                  Attached <Time at={c.attached_at} /> by {c.attached_by}
                  {c.detached_at && (
                    <>
                      {" "}
                      · detached <Time at={c.detached_at} />
                    </>
                  )}
                </p>
              </div>
              {canManage && !c.detached_at && (
                <Button size="sm" variant="danger" disabled={pending} onClick={() => setDetaching(c)}>
                  Detach…
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={detaching !== null}
        title={detaching ? `Detach card ${cardName(detaching)}?` : "Detach card?"}
        confirmLabel="Detach card"
        busy={pending}
        onConfirm={() => detaching && detach(detaching)}
        onCancel={() => setDetaching(null)}
      >
        <p>
          Payments on this card are declined from now on: a card on no agent is never approved. {agentName}&rsquo;s intents and their history stay as they are.
        </p>
      </ConfirmDialog>
    </Card>
  );
}

const cardName = (c: CardDto) => (c.last4 ? `•••• ${c.last4}` : c.rail_card_id);

function AttachCardForm({ agentId, agentName, onDone }: { agentId: string; agentName: string; onDone: () => void }) {
  const [provider, setProvider] = useState<RailProvider>("stripe");
  const [railCardId, setRailCardId] = useState("");
  const [last4, setLast4] = useState("");
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const id = useId();
  const cardError = fieldIssue(refusal, "railCardId", "card");
  const last4Error = fieldIssue(refusal, "last4");

  return (
    <form
      className="grid gap-3 border-b border-slate-200 bg-slate-50 px-5 py-4 sm:grid-cols-[10rem_1fr_7rem_auto] sm:items-start dark:border-slate-800 dark:bg-slate-950/40"
      aria-label={`Attach a card to ${agentName}`}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await attachCardAction({ agentId, provider, railCardId, last4 });
          if (res.ok) {
            toast({ tone: "success", title: `Card ${cardName(res.data)} attached to ${agentName}` });
            onDone();
          } else setRefusal(res);
        });
      }}
    >
      <div>
        <label htmlFor={`${id}-rail`} className={fieldLabelClass}>
          Rail
        </label>
        <select id={`${id}-rail`} value={provider} onChange={(e) => setProvider(e.target.value as RailProvider)} className={fieldClass}>
          {RAIL_PROVIDERS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-card`} className={fieldLabelClass}>
          Rail card id
        </label>
        <input
          id={`${id}-card`}
          required
          spellCheck={false}
          value={railCardId}
          onChange={(e) => setRailCardId(e.target.value)}
          placeholder={provider === "stripe" ? "ic_…" : "card token"}
          aria-invalid={cardError ? true : undefined}
          aria-describedby={cardError ? `${id}-card-error` : undefined}
          className={`${fieldClass} font-mono`}
        />
        <FieldError id={`${id}-card-error`} message={cardError} />
      </div>
      <div>
        <label htmlFor={`${id}-last4`} className={fieldLabelClass}>
          Last 4 (optional)
        </label>
        <input
          id={`${id}-last4`}
          inputMode="numeric"
          maxLength={4}
          value={last4}
          onChange={(e) => setLast4(e.target.value)}
          aria-invalid={last4Error ? true : undefined}
          aria-describedby={last4Error ? `${id}-last4-error` : undefined}
          className={`${fieldClass} tabular`}
        />
        <FieldError id={`${id}-last4-error`} message={last4Error} />
      </div>
      <div className="flex gap-2 sm:pt-5">
        <Button type="submit" size="sm" disabled={pending || railCardId.trim() === ""}>
          Attach
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
      </div>
      {refusal && !cardError && !last4Error && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-4 dark:text-rose-300">
          {refusal.message}
        </p>
      )}
    </form>
  );
}
