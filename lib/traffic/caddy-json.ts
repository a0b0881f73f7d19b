/**
 * Caddy's JSON access log (Caddy 2 `log` directive, `format json`, the default): one JSON object per line,
 *
 *     {"level":"info","ts":1709460000.123,"logger":"http.log.access","msg":"handled request",
 *      "request":{"client_ip":"192.0.2.1","method":"GET","host":"example.com","uri":"/x?y=1","proto":"HTTP/2.0",
 *                 "headers":{"User-Agent":["..."],"Referer":["..."]}},"size":5120,"status":200}
 *
 * Source: caddyserver/caddy `modules/caddyhttp/server.go` (logRequest) and `caddyhttp/marshalers.go`. `ts` is epoch
 * seconds (or a formatted time when `time_format` is set); `client_ip` (Caddy >= 2.7) else `remote_ip` is the client.
 * Lines without a `request` object (server start, errors) are not requests: skipped, not rejected.
 */
import type { LogHit } from './log-line';
import { parseLogTime } from './log-time';

interface CaddyEntry {
  ts?: number | string;
  request?: {
    client_ip?: string;
    remote_ip?: string;
    remote_addr?: string;
    method?: string;
    uri?: string;
    proto?: string;
    headers?: Record<string, string[] | string | undefined>;
  };
  status?: number;
  size?: number;
}

/**
 * Parse one Caddy JSON log line.
 * @returns a {@link LogHit}; null for a non-request line (no `request`) or a blank line; a reason string when the line
 *   is not JSON or lacks a usable time, method or status.
 */
export function parseCaddyLine(line: string): LogHit | string | null {
  const s = line.trim();
  if (s === '') return null;
  if (s.charCodeAt(0) !== 123) return 'not a JSON object (Caddy logs one JSON object per line)';
  let e: CaddyEntry;
  try {
    e = JSON.parse(s) as CaddyEntry;
  } catch {
    return 'invalid JSON (truncated line?)';
  }
  const r = e.request;
  if (!r || typeof r !== 'object') return null;
  const time = typeof e.ts === 'number' ? Math.round(e.ts * 1000) : parseLogTime(String(e.ts ?? ''));
  if (Number.isNaN(time)) return `invalid ts "${e.ts}"`;
  if (typeof e.status !== 'number' || !Number.isInteger(e.status)) return 'no numeric status';
  const header = (name: string): string | null => {
    const h = r.headers;
    if (!h) return null;
    const key = Object.keys(h).find((k) => k.toLowerCase() === name);
    const val = key === undefined ? undefined : h[key];
    return Array.isArray(val) ? (val[0] ?? null) : (val ?? null);
  };
  const ip = r.client_ip || r.remote_ip || (r.remote_addr ? r.remote_addr.replace(/:\d+$/, '') : '-');
  return {
    ip,
    time,
    method: r.method ?? '',
    target: r.uri ?? '',
    protocol: r.proto ?? '',
    // Caddy logs status 0 when a handler wrote nothing: it then answered 200.
    status: e.status === 0 ? 200 : e.status,
    bytes: typeof e.size === 'number' ? e.size : 0,
    referrer: header('referer') ?? '-',
    userAgent: header('user-agent') ?? '-',
  };
}

/** Whether a line looks like a Caddy access-log entry (a JSON object with a `request` member). */
export function looksLikeCaddyLine(line: string): boolean {
  const s = line.trim();
  if (!s.startsWith('{')) return false;
  try {
    const e = JSON.parse(s) as CaddyEntry;
    return typeof e.request === 'object' && e.request !== null && 'status' in e;
  } catch {
    return false;
  }
}
