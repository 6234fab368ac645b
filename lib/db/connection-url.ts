/**
 * libpq connection URLs, multi-host ones included, which node-postgres cannot read:
 * `postgresql://user:pw@h1:5432,h2:5433/db?target_session_attrs=read-write`. pg-auto-failover's
 * monitor and Patroni hand applications exactly this form. The parse follows libpq's rules
 * (https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-CONNSTRING): a comma-separated host
 * list, each with its own optional port ([IPv6] in brackets), or `host=`/`port=` query parameters
 * as comma lists; one port applies to every host; percent-encoding anywhere. Each host becomes a
 * plain single-host URL that node-postgres understands, carrying every other parameter (sslmode,
 * application_name, …) unchanged.
 */
export const SESSION_ATTRS = ["any", "read-write", "read-only", "primary", "standby", "prefer-standby"] as const;
export type SessionAttrs = (typeof SESSION_ATTRS)[number];

export type DbHost = { host: string; port: number };

export type ParsedDatabaseUrl = {
  hosts: DbHost[];
  /** What libpq's `target_session_attrs` asks for; `given` says whether the URL named it. */
  targetSessionAttrs: SessionAttrs;
  given: boolean;
  /** One node-postgres connection string per host, in the URL's order. */
  urls: string[];
  /**
   * libpq's `connect_timeout` (seconds; at least 2, as libpq rounds up) in milliseconds. Unset, it is
   * 5 s rather than libpq's "forever": a host that does not answer must not stall the search for the
   * primary behind it.
   */
  connectTimeoutMs: number;
};

const DEFAULT_PORT = 5432;
const DEFAULT_CONNECT_TIMEOUT_S = 5;

export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUrlError";
  }
}

/** Parses a libpq URL; throws DatabaseUrlError (never echoing the password) when it is not one. */
export function parseDatabaseUrl(raw: string): ParsedDatabaseUrl {
  const m = /^(postgres(?:ql)?):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?$/i.exec(raw.trim());
  if (!m) throw new DatabaseUrlError("must be a URL like postgresql://user@host:5432/db (several hosts: h1:5432,h2:5432)");
  const [, , authority, pathPart, queryPart = ""] = m;
  const at = authority.lastIndexOf("@");
  const userInfo = at >= 0 ? authority.slice(0, at) : "";
  const hostList = at >= 0 ? authority.slice(at + 1) : authority;

  const params = new URLSearchParams(queryPart);
  let hosts = hostList ? hostList.split(",").map(parseHostSpec) : [];
  const hostParam = params.get("host");
  const portParam = params.get("port");
  params.delete("host");
  params.delete("port");
  if (hostParam !== null) {
    if (hosts.length) throw new DatabaseUrlError("names its hosts twice (in the address and in ?host=)");
    hosts = hostParam.split(",").map((h) => ({ host: h.trim(), port: null }));
  }
  if (!hosts.length || hosts.some((h) => !h.host)) throw new DatabaseUrlError("must name a host (an empty host in the list is not supported)");
  if (portParam !== null) {
    const ports = portParam.split(",").map(parsePort);
    if (ports.length !== 1 && ports.length !== hosts.length) throw new DatabaseUrlError(`gives ${ports.length} ports for ${hosts.length} hosts`);
    hosts = hosts.map((h, i) => ({ host: h.host, port: h.port ?? ports[ports.length === 1 ? 0 : i] }));
  }

  const attrsRaw = params.get("target_session_attrs");
  params.delete("target_session_attrs");
  if (attrsRaw !== null && !(SESSION_ATTRS as readonly string[]).includes(attrsRaw)) {
    throw new DatabaseUrlError(`target_session_attrs must be one of ${SESSION_ATTRS.join(", ")}`);
  }
  const timeoutRaw = params.get("connect_timeout");
  params.delete("connect_timeout");
  if (timeoutRaw !== null && !/^\d+$/.test(timeoutRaw.trim())) throw new DatabaseUrlError("connect_timeout must be a whole number of seconds");
  const timeoutSeconds = timeoutRaw === null || Number(timeoutRaw) === 0 ? DEFAULT_CONNECT_TIMEOUT_S : Math.max(2, Number(timeoutRaw));
  const resolved = hosts.map((h) => ({ host: h.host, port: h.port ?? DEFAULT_PORT }));
  const rest = params.toString();
  const urls = resolved.map((h) => `postgresql://${userInfo ? `${userInfo}@` : ""}${formatHost(h.host)}:${h.port}${pathPart}${rest ? `?${rest}` : ""}`);
  return {
    hosts: resolved,
    targetSessionAttrs: (attrsRaw as SessionAttrs | null) ?? "any",
    given: attrsRaw !== null,
    urls,
    connectTimeoutMs: timeoutSeconds * 1000,
  };
}

function parseHostSpec(spec: string): { host: string; port: number | null } {
  const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(spec);
  if (v6) return { host: decode(v6[1]), port: v6[2] === undefined || v6[2] === "" ? null : parsePort(v6[2]) };
  const colon = spec.lastIndexOf(":");
  if (colon < 0) return { host: decode(spec), port: null };
  const port = spec.slice(colon + 1);
  return { host: decode(spec.slice(0, colon)), port: port === "" ? null : parsePort(port) };
}

function parsePort(p: string): number {
  const n = Number(p.trim());
  if (!/^\d+$/.test(p.trim()) || n < 1 || n > 65_535) throw new DatabaseUrlError(`has a port that is not a number from 1 to 65535`);
  return n;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new DatabaseUrlError("has a badly percent-encoded host");
  }
}

const formatHost = (h: string) => (h.includes(":") ? `[${h}]` : encodeURIComponent(h).replace(/%2F/gi, "%2F"));

/** The URL with its password replaced, for logs and error messages. */
export function redactDatabaseUrl(raw: string): string {
  return raw.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, "$1:***@");
}
