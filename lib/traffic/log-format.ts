/**
 * Custom access-log formats given as a format string, in nginx `log_format` style or GoAccess `--log-format` style:
 *
 *     nginx:    $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time
 *     GoAccess: %h %^[%d:%t %^] "%r" %s %b "%R" "%u"
 *
 * Sources: nginx `ngx_http_log_module` (variables), GoAccess man page ("CUSTOM LOG/DATE FORMATS"). The string is
 * compiled once into a list of (field, text that follows it); a line is then cut with indexOf, no regex per line.
 * Variables Tend does not use are skipped (`$request_time`, `$upstream_*`, GoAccess `%^`...). Quoted fields honour
 * `\"` and nginx's `\x22` escapes.
 */
import type { LogHit } from './log-line';
import { splitRequest, unescapeField } from './log-line';
import { parseLogTime } from './log-time';

type Field =
  | 'ip'
  | 'time'
  | 'date'
  | 'clock'
  | 'request'
  | 'method'
  | 'uri'
  | 'path'
  | 'query'
  | 'protocol'
  | 'status'
  | 'bytes'
  | 'referrer'
  | 'userAgent'
  | 'skip';

interface Part {
  field: Field;
  /** Literal text after the field, '' when the field runs to the end of the line. */
  after: string;
  /** The field is written between double quotes (the text before ends with `"`, the text after starts with it). */
  quoted: boolean;
}

/** A compiled format: the literal text before the first field, then the fields. */
export interface CompiledLogFormat {
  style: 'nginx' | 'goaccess';
  prefix: string;
  parts: Part[];
}

const NGINX: Record<string, Field> = {
  remote_addr: 'ip',
  realip_remote_addr: 'ip',
  http_x_real_ip: 'ip',
  http_x_forwarded_for: 'ip',
  time_local: 'time',
  time_iso8601: 'time',
  msec: 'time',
  request: 'request',
  request_method: 'method',
  request_uri: 'uri',
  uri: 'path',
  document_uri: 'path',
  args: 'query',
  query_string: 'query',
  server_protocol: 'protocol',
  status: 'status',
  body_bytes_sent: 'bytes',
  bytes_sent: 'bytes',
  http_referer: 'referrer',
  http_user_agent: 'userAgent',
};

const GOACCESS: Record<string, Field> = {
  h: 'ip',
  x: 'time',
  d: 'date',
  t: 'clock',
  r: 'request',
  m: 'method',
  U: 'uri',
  q: 'query',
  H: 'protocol',
  s: 'status',
  b: 'bytes',
  R: 'referrer',
  u: 'userAgent',
  '^': 'skip',
  v: 'skip',
  e: 'skip',
  C: 'skip',
  T: 'skip',
  D: 'skip',
  L: 'skip',
  n: 'skip',
  k: 'skip',
  K: 'skip',
  M: 'skip',
};

/**
 * Compile a format string. nginx style when it contains `$name`, GoAccess style when it contains `%x` specifiers.
 * GoAccess's usual `[%d:%t %^]` (the CLF timestamp cut into date, time and ignored zone) is read as one CLF timestamp,
 * so its offset is applied rather than dropped.
 * @throws Error naming the problem: no fields, two fields with no text between them, an unknown GoAccess specifier,
 *   or a format that gives no time or no request target.
 */
export function compileLogFormat(format: string): CompiledLogFormat {
  const style = /\$\{?[a-z_]/i.test(format) ? 'nginx' : /%[a-z^~]/i.test(format) ? 'goaccess' : null;
  if (!style) throw new Error(`log format "${format}": no $variable (nginx) or %specifier (GoAccess) in it`);
  const src = style === 'goaccess' ? format.replace(/%d:%t %\^/g, '%x') : format;
  const token = style === 'nginx' ? /\$\{([a-z0-9_]+)\}|\$([a-z0-9_]+)/gi : /%([a-zA-Z^~])/g;
  const parts: Part[] = [];
  let prefix = '';
  let last = 0;
  let pending: Field | null = null;
  for (const m of src.matchAll(token)) {
    const literal = src.slice(last, m.index);
    if (pending === null) prefix = literal;
    else {
      if (literal === '') throw new Error(`log format "${format}": two fields with nothing between them at "${m[0]}"`);
      parts.push({ field: pending, after: literal, quoted: false });
    }
    const name = m[1] ?? m[2];
    const field = style === 'nginx' ? (NGINX[name.toLowerCase()] ?? 'skip') : GOACCESS[name];
    if (field === undefined) throw new Error(`log format "${format}": unsupported GoAccess specifier %${name}`);
    pending = field;
    last = (m.index ?? 0) + m[0].length;
  }
  if (pending === null) throw new Error(`log format "${format}": no fields`);
  parts.push({ field: pending, after: src.slice(last), quoted: false });
  // A field is quoted when the text before it ends with `"` and the text after starts with it.
  for (let i = 0; i < parts.length; i++) {
    const before = i === 0 ? prefix : parts[i - 1].after;
    parts[i].quoted = before.endsWith('"') && parts[i].after.startsWith('"');
  }
  // Only the first field of a kind counts (e.g. $remote_addr before $http_x_forwarded_for).
  const seen = new Set<Field>();
  for (const p of parts) {
    if (p.field !== 'skip' && seen.has(p.field)) p.field = 'skip';
    seen.add(p.field);
  }
  const has = (f: Field) => seen.has(f);
  if (!has('time') && !has('date')) throw new Error(`log format "${format}": it has no time field`);
  if (!has('request') && !has('uri') && !has('path')) {
    throw new Error(`log format "${format}": it has no request line or URI field`);
  }
  return { style, prefix, parts };
}

/**
 * Parse one line with a compiled format into a {@link LogHit}, or return why it does not fit.
 * Fields the format lacks get neutral values: method `GET` when only a URI is logged, referrer and user agent null
 * (no user agent = not a bot, as for the common format).
 */
export function parseWithFormat(f: CompiledLogFormat, line: string): LogHit | string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 13 || line.charCodeAt(end - 1) === 10)) end--;
  if (!line.startsWith(f.prefix)) return `line does not start with "${f.prefix}" as the log format says`;
  const v: Partial<Record<Field, string>> = {};
  let p = f.prefix.length;
  for (const part of f.parts) {
    let stop: number;
    if (part.after === '') stop = end;
    else if (part.quoted) {
      stop = closingQuote(line, p, end);
      if (stop < 0 || !line.startsWith(part.after, stop)) return `unterminated quoted ${label(part.field)}`;
    } else {
      stop = line.indexOf(part.after, p);
      if (stop < 0 || stop > end) return `no "${part.after}" after the ${label(part.field)} field`;
    }
    if (part.field !== 'skip' && v[part.field] === undefined) {
      const raw = line.slice(p, stop);
      v[part.field] = part.quoted && raw.indexOf('\\') >= 0 ? unescapeField(raw) : raw;
    }
    p = stop + part.after.length;
  }
  const timeText =
    v.time ?? (v.date !== undefined && v.clock !== undefined ? joinDateTime(v.date, v.clock) : (v.date ?? ''));
  const time = parseLogTime(timeText);
  if (Number.isNaN(time)) return `invalid timestamp "${timeText}"`;
  const status = /^\d{3}$/.test(v.status ?? '') ? Number(v.status) : v.status === undefined ? 200 : -1;
  if (status < 0) return `invalid status code "${v.status}"`;
  const bytes = v.bytes === undefined || v.bytes === '-' ? 0 : /^\d+$/.test(v.bytes) ? Number(v.bytes) : -1;
  if (bytes < 0) return `invalid byte count "${v.bytes}"`;
  let method = v.method ?? '';
  let target = v.uri ?? '';
  let protocol = v.protocol ?? '';
  if (v.request !== undefined) [method, target, protocol] = splitRequest(v.request);
  else {
    if (!target && v.path !== undefined) target = v.path + (v.query && v.query !== '-' ? `?${v.query}` : '');
    if (!method) method = 'GET';
  }
  return {
    ip: v.ip ?? '-',
    time,
    method,
    target,
    protocol,
    status,
    bytes,
    referrer: v.referrer ?? null,
    userAgent: v.userAgent ?? null,
  };
}

function joinDateTime(date: string, clock: string): string {
  return /^\d{2}\/[A-Za-z]{3}\/\d{4}$/.test(date) ? `${date}:${clock}` : `${date}T${clock}`;
}

/** Index of the closing `"` of a quoted field starting at `from` (just after the opening quote), or -1. */
function closingQuote(line: string, from: number, end: number): number {
  let j = from - 1;
  for (;;) {
    j = line.indexOf('"', j + 1);
    if (j < 0 || j >= end) return -1;
    let k = j - 1;
    while (k >= from && line.charCodeAt(k) === 92) k--;
    if ((j - 1 - k) % 2 === 0) return j;
  }
}

function label(f: Field): string {
  return f === 'userAgent' ? 'user agent' : f === 'clock' ? 'time' : f;
}
