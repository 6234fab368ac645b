import { checkpointPayload, eventHash, GENESIS_HASH, signatureVerifies } from "./chain-format.js";
import { verifyTimestampToken } from "./timestamp-token.js";

/**
 * Verifies an audit export read line by line (JSON lines: a header, keys, checkpoints, events).
 * Memory stays proportional to the checkpoints, not the events, so exports of millions of events
 * stream through. Returns a report; `ok` is false when anything fails, and `problems[0]` names the
 * first edited, deleted, reordered or missing event (or the checkpoint that does not hold).
 *
 * options.trustedKeys: public keys known from elsewhere (a saved GET /api/v1/audit/keys); then
 *   only they, and keys a trusted key introduced in a signed rotation checkpoint, are believed.
 * options.witnesses: checkpoints received outside the database (the `audit.checkpoint` webhook);
 *   each must verify and agree with the export, and one past its end means events were cut off.
 */
export async function verifyExport(lines, options = {}) {
  const v = new Verifier(options);
  let n = 0;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    let row;
    try {
      row = JSON.parse(text);
    } catch {
      v.problem("malformed", `line ${n} is not JSON`);
      break;
    }
    if (!v.accept(row, n)) break;
  }
  return v.finish();
}

class Verifier {
  constructor({ trustedKeys, witnesses = [] }) {
    this.header = null;
    this.keys = new Map();
    this.pinned = trustedKeys ? new Map(trustedKeys.map((k) => [k.id, k])) : null;
    this.checkpoints = [];
    this.bySeq = new Map(); // seq → checkpoints and witnesses that vouch for that event's hash
    this.witnesses = witnesses;
    this.timestamps = [];
    this.problems = [];
    this.chainBroken = false;
    this.last = null; // the previous event: { seq, hash, id }
    this.count = 0;
  }

  problem(code, message, extra = {}) {
    this.problems.push({ code, message, ...extra });
  }

  accept(row, n) {
    if (!this.header) {
      if (row.type !== "header" || row.format !== "aegis-audit-export" || row.version !== 1) {
        this.problem("malformed", "the first line is not the header of an aegis-audit-export, version 1");
        return false;
      }
      this.header = row;
      return true;
    }
    if (row.type === "key") this.keys.set(row.id, row);
    else if (row.type === "checkpoint") {
      if (this.count > 0) this.problem("malformed", `line ${n}: a checkpoint after the events`);
      else this.addCheckpoint(row);
    } else if (row.type === "event") {
      if (this.count === 0) this.beforeEvents();
      this.event(row);
    } else this.problem("malformed", `line ${n}: unknown line type ${JSON.stringify(row.type)}`);
    return true;
  }

  addCheckpoint(c) {
    this.checkpoints.push(c);
    const vouch = (seq, hash, what) => {
      const list = this.bySeq.get(String(seq)) ?? [];
      list.push({ hash, what });
      this.bySeq.set(String(seq), list);
    };
    vouch(c.seq, c.hash, `checkpoint ${c.id} (${c.kind}, ${c.created_at})`);
    if (c.kind === "tombstone") vouch(c.details.purged_through_seq, c.details.purged_through_hash, `tombstone ${c.id}`);
  }

  /** Keys, signatures and timestamps, and the witnesses, once every checkpoint is known. */
  beforeEvents() {
    const trusted = this.pinned ? new Map(this.pinned) : new Map(this.keys);
    for (const [id, k] of this.keys) {
      const pin = this.pinned?.get(id);
      if (pin && pin.public_key.x !== k.public_key.x) this.problem("key_mismatch", `key ${id} in the export differs from the trusted key of that id`);
    }
    for (const c of this.checkpoints) {
      const key = trusted.get(c.key_id);
      const at = new Date(c.created_at).getTime();
      if (!key)
        this.problem(
          "untrusted_key",
          `checkpoint ${c.id} is signed by key ${c.key_id}, which ${this.pinned ? "you do not trust" : "the export does not hold"}`,
        );
      else if (!signatureVerifies(checkpointPayload(c), c.signature, key.public_key)) {
        this.problem("bad_signature", `checkpoint ${c.id} (#${c.seq}) does not verify: its signature or its contents were changed`, { checkpoint: c.id });
      } else if (at < Date.parse(key.valid_from) || (key.valid_until && at > Date.parse(key.valid_until))) {
        this.problem("key_not_valid", `checkpoint ${c.id} was signed at ${c.created_at}, outside key ${key.id}'s validity`);
      } else if (c.kind === "rotation" && c.details?.next_key_id) {
        // A trusted key vouches for its successor.
        const next = this.keys.get(c.details.next_key_id);
        if (next && next.public_key.x === c.details.next_public_key) trusted.set(next.id, next);
      }
      if (c.timestamp) {
        try {
          const t = verifyTimestampToken(Buffer.from(c.timestamp.token, "base64"), Buffer.from(checkpointPayload(c)));
          this.timestamps.push({ checkpoint: c.id, ...t });
        } catch (e) {
          this.problem("bad_timestamp", `checkpoint ${c.id}'s RFC 3161 timestamp does not hold: ${e.message}`);
        }
      }
    }
    for (const w of this.witnesses) this.addWitness(w);
    const a = this.header.anchor;
    this.expected = { seq: BigInt(a.seq) + 1n, prev: a.hash };
    const signedAnchor =
      a.seq === "0" ? a.hash === GENESIS_HASH : (this.bySeq.get(a.seq) ?? []).some((x) => x.hash === a.hash && !x.what.startsWith("witness"));
    if (!signedAnchor) this.problem("unsigned_anchor", `the export starts after event #${a.seq}, which no checkpoint in it vouches for`);
  }

  addWitness(w) {
    const c = w.checkpoint;
    const key = this.keys.get(c.key_id);
    if (!signatureVerifies(checkpointPayload(c), c.signature, w.key.public_key)) {
      this.problem("bad_witness", `witnessed checkpoint ${c.id} does not verify with the key it came with`);
      return;
    }
    if (key && key.public_key.x !== w.key.public_key.x)
      this.problem("key_mismatch", `key ${c.key_id} in the export differs from the one witnessed with checkpoint ${c.id}`);
    if (!key) this.problem("key_missing", `the export lacks key ${c.key_id}, which signed witnessed checkpoint ${c.id}`);
    const list = this.bySeq.get(c.seq) ?? [];
    list.push({ hash: c.hash, what: `witnessed checkpoint ${c.id} (${c.created_at})` });
    this.bySeq.set(c.seq, list);
  }

  event(e) {
    this.count++;
    if (this.chainBroken) return;
    const seq = BigInt(e.seq);
    const at = `#${e.seq} (${e.id}, ${e.action} at ${e.created_at})`;
    const broken = (code, message, who = e) => {
      this.problem(code, message, { seq: String(who.seq), id: who.id });
      this.chainBroken = true;
    };
    // A gap is "deleted" unless the missing event turns up next, which makes the early one "reordered".
    if (this.gap) {
      const { early, earlyAt } = this.gap;
      if (seq === this.expected.seq) return broken("reordered", `event ${earlyAt} is out of order: it comes before #${seq} (reordered)`, early);
      return this.missing(early, earlyAt);
    }
    if (seq < this.expected.seq) return broken("reordered", `event ${at} is out of order: it comes after #${this.expected.seq - 1n} (reordered)`);
    if (seq > this.expected.seq) {
      this.gap = { early: e, earlyAt: at };
      return;
    }
    if (eventHash(e) !== e.hash) return broken("edited", `event ${at} was edited: its contents do not match its hash`);
    if (e.prev_hash !== this.expected.prev) {
      const before = this.last ? `#${this.last.seq} (${this.last.id})` : `the export's anchor #${this.header.anchor.seq}`;
      return broken("edited", `event ${before} was edited and its hash recomputed: ${at} no longer links to it`);
    }
    for (const v of this.bySeq.get(String(e.seq)) ?? []) {
      if (v.hash !== e.hash)
        return broken("rewritten", `event ${at} does not match ${v.what}: an event up to #${e.seq} was edited and the chain after it recomputed`);
    }
    this.last = { seq, hash: e.hash, id: e.id };
    this.expected = { seq: seq + 1n, prev: e.hash };
  }

  missing(e, at) {
    const seq = BigInt(e.seq);
    const gap = seq - this.expected.seq === 1n ? `#${this.expected.seq} is` : `#${this.expected.seq}–#${seq - 1n} are`;
    this.problem("missing", `event ${gap} missing (deleted): the export goes from #${this.expected.seq - 1n} to ${at}`, {
      seq: String(this.expected.seq),
      id: null,
    });
    this.chainBroken = true;
  }

  finish() {
    if (this.header && this.count === 0) this.beforeEvents();
    if (this.gap && !this.chainBroken) this.missing(this.gap.early, this.gap.earlyAt);
    if (this.header && !this.chainBroken) {
      const lastSeq = this.last?.seq ?? BigInt(this.header.anchor.seq);
      const beyond = [...this.bySeq.entries()].filter(([s]) => BigInt(s) > lastSeq).sort((a, b) => (BigInt(a[0]) < BigInt(b[0]) ? 1 : -1));
      if (beyond.length) {
        const [s, [v]] = beyond[0];
        this.problem(
          "cut_off",
          `events #${lastSeq + 1n}–#${s} are missing at the end (cut-off tail): the export stops at #${lastSeq} but ${v.what} covers up to #${s}`,
          {
            seq: String(lastSeq + 1n),
          },
        );
      } else if (String(lastSeq) !== this.header.events.last_seq) {
        this.problem("cut_off", `the export stops at #${lastSeq} but its header says it runs to #${this.header.events.last_seq} (cut-off tail)`, {
          seq: String(lastSeq + 1n),
        });
      }
    }
    const h = this.header;
    return {
      ok: this.header !== null && this.problems.length === 0,
      org: h?.org ?? null,
      exported_at: h?.exported_at ?? null,
      events: { checked: this.count, first_seq: h?.events.first_seq ?? null, last_seq: this.last ? String(this.last.seq) : null },
      checkpoints: this.checkpoints.length,
      keys: [...this.keys.keys()],
      keys_pinned: this.pinned !== null,
      witnesses: this.witnesses.length,
      timestamps: this.timestamps,
      problems: this.problems,
    };
  }
}
