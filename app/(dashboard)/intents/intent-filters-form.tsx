import { buttonClass } from "@/components/button";
import { fieldClass, fieldLabelClass as labelClass } from "@/components/form-fields";
import { INTENT_STATES } from "@/lib/format/intent-state";
import { statusLabel } from "@/lib/format/labels";
import type { IntentSearchParams } from "@/lib/intents/intent-filters";
import Link from "next/link";

type Options = { agents: { id: string; name: string }[]; categories: string[] };

/** A plain GET form: filters live in the URL, so a filtered list can be shared and bookmarked. */
export function IntentFiltersForm({ sp, options, currency }: { sp: IntentSearchParams; options: Options; currency: string }) {
  return (
    <form method="get" role="search" aria-label="Filter intents" className="grid grid-cols-2 gap-3 p-4 sm:grid-cols-4 lg:grid-cols-8">
      <div className="col-span-2 sm:col-span-3 lg:col-span-6">
        <label htmlFor="f-q" className={labelClass}>
          Search
        </label>
        <input
          id="f-q"
          name="q"
          type="search"
          maxLength={100}
          defaultValue={sp.q}
          placeholder="Part of an id (6+ characters), a merchant, an agent, words of the reason, or an amount"
          className={fieldClass}
        />
      </div>
      <div className="col-span-2 sm:col-span-1 lg:col-span-2">
        <label htmlFor="f-sort" className={labelClass}>
          Order
        </label>
        <select id="f-sort" name="sort" defaultValue={sp.sort ?? "newest"} className={fieldClass}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="amount_desc">Largest amount first</option>
          <option value="amount_asc">Smallest amount first</option>
        </select>
      </div>
      <div className="col-span-1 lg:col-span-1">
        <label htmlFor="f-status" className={labelClass}>
          Status
        </label>
        <select id="f-status" name="status" defaultValue={sp.status ?? ""} className={fieldClass}>
          <option value="">Any</option>
          {INTENT_STATES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-1 lg:col-span-2">
        <label htmlFor="f-agent" className={labelClass}>
          Agent
        </label>
        <select id="f-agent" name="agent" defaultValue={sp.agent ?? ""} className={fieldClass}>
          <option value="">All agents</option>
          {options.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-1">
        <label htmlFor="f-category" className={labelClass}>
          Category
        </label>
        <select id="f-category" name="category" defaultValue={sp.category ?? ""} className={fieldClass}>
          <option value="">Any</option>
          {options.categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-from" className={labelClass}>
          From
        </label>
        <input id="f-from" name="from" type="date" defaultValue={sp.from} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="f-to" className={labelClass}>
          To
        </label>
        <input id="f-to" name="to" type="date" defaultValue={sp.to} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="f-min" className={labelClass}>
          Min amount ({currency})
        </label>
        <input id="f-min" name="min" inputMode="decimal" placeholder="0" defaultValue={sp.min} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="f-max" className={labelClass}>
          Max amount ({currency})
        </label>
        <input id="f-max" name="max" inputMode="decimal" placeholder="Any" defaultValue={sp.max} className={fieldClass} />
      </div>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-4 lg:col-span-8 lg:justify-end">
        <Link href="/intents" className={buttonClass("ghost", "sm")}>
          Clear
        </Link>
        <button type="submit" className={buttonClass("primary", "sm")}>
          Apply filters
        </button>
      </div>
    </form>
  );
}
