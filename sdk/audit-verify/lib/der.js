/**
 * Just enough DER (X.690) to read an RFC 3161 timestamp token: tag, length, and the bytes of
 * each element, with the element's full encoding kept (a signature covers exact bytes).
 */
export function readElement(buf, offset = 0) {
  if (offset + 2 > buf.length) throw new Error("DER: truncated element");
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new Error("DER: multi-byte tags are not used here");
  let length = buf[offset + 1];
  let header = 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4) throw new Error("DER: unsupported length");
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[offset + 2 + i];
    header += n;
  }
  const start = offset + header;
  const end = start + length;
  if (end > buf.length) throw new Error("DER: element runs past its container");
  return { tag, constructed: (tag & 0x20) !== 0, start, end, raw: buf.subarray(offset, end), content: buf.subarray(start, end) };
}

/** The elements inside a constructed element. */
export function children(el) {
  const out = [];
  const content = el.content;
  for (let at = 0; at < content.length;) {
    const child = readElement(content, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** An OBJECT IDENTIFIER's dotted form. */
export function oid(el) {
  const b = el.content;
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let value = 0;
  for (let i = 1; i < b.length; i++) {
    value = value * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

/** A GeneralizedTime (YYYYMMDDHHMMSS[.fff]Z) as a Date. */
export function generalizedTime(el) {
  const s = el.content.toString("latin1");
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(s);
  if (!m) throw new Error(`DER: unreadable time ${s}`);
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ""}Z`);
}
