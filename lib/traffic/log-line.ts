/**
 * One line of an Apache / nginx access log in the NCSA **common** or **combined** format:
 *
 *     host ident authuser [dd/Mon/yyyy:HH:MM:SS +zzzz] "request" status bytes ["referrer" "user-agent" [extra...]]
 *
 * Source: Apache httpd mod_log_config (`%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\"`) and nginx's
 * predefined `combined` log_format. nginx setups often append more fields after the user agent
 * (`"$http_x_forwarded_for"`, request time, ...): they are ignored. Inside quoted fields Apache writes `\"` and
 * `\\`, nginx writes `\x22` (escape=default): both are decoded.
 *
 * Hand-written scanner (indexOf/charCodeAt, no regex per field): this is the hot loop of a log import.
 */

/** One parsed request. Fields are as logged; nothing is normalized here. */
export interface LogHit {
  /** Client address as logged (IPv4, IPv6 or a host name). */
  ip: string;
  /** Request time, epoch milliseconds UTC (the timestamp's own offset applied). */
  time: number;
  /** HTTP method (`GET`), or `''` when the request line is `-` (e.g. nginx 408/400 lines) or unparseable. */
  method: string;
  /** Raw request target (`/blog/x.html?utm_source=y`), `''` when the request line is `-`. */
  target: string;
  /** `HTTP/1.1`, or `''` when absent (HTTP/0.9 style or `-`). */
  protocol: string;
  status: number;
  /** Response body size in bytes; 0 when logged as `-`. */
  bytes: number;
  /** Referer header (`-` when the client sent none), or null for the common format, which has no such field. */
  referrer: string | null;
  /** User-Agent header (`-` when the client sent none), or null for the common format. */
  userAgent: string | null;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Month index by name as logged (`May`) and lowercased, so the usual case needs no toLowerCase(). */
const MONTHS = new Map<string, number>(
  MONTH_NAMES.flatMap((m, i) => [[m, i] as [string, number], [m.toLowerCase(), i]]),
);

/**
 * Parse a line; null when it is blank, a `#` comment or malformed. Use {@link parseLogLineOrReason} to learn why.
 * @example parseLogLine('1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 5 "-" "curl/8"')?.status === 200
 */
export function parseLogLine(line: string): LogHit | null {
  const r = parseLogLineOrReason(line);
  return typeof r === 'string' ? null : r;
}

/** True for lines an importer skips without counting or rejecting: blank lines and `#` comments (W3C-style headers). */
export function isSkippableLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 10) continue;
    return c === 35; // '#'
  }
  return true;
}

/**
 * Parse one line into a {@link LogHit}, or return the reason (a short English sentence) it is malformed.
 * Blank and comment lines are reported as malformed here: callers skip them first with {@link isSkippableLine}.
 */
export function parseLogLineOrReason(line: string): LogHit | string {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (c !== 13 && c !== 10 && c !== 32 && c !== 9) break;
    end--;
  }
  if (end === 0) return 'blank line';
  const sp = line.indexOf(' ');
  if (sp <= 0 || sp >= end) return 'only one field';
  const ip = line.slice(0, sp);
  // ident and authuser sit between the host and ` [`; they are not used.
  const lb = line.indexOf(' [', sp);
  if (lb < 0 || lb >= end) return 'no [timestamp] field';
  const rb = line.indexOf(']', lb + 2);
  if (rb < 0 || rb >= end) return 'unterminated [timestamp] field';
  const time = parseClfTime(line, lb + 2, rb);
  if (Number.isNaN(time)) return `invalid timestamp [${line.slice(lb + 2, rb)}]`;

  let i = rb + 1;
  if (line.charCodeAt(i) !== 32 || line.charCodeAt(i + 1) !== 34) return 'no quoted request line after the timestamp';
  let request = readQuoted(line, i + 1, end);
  if (request === null || !statusFollows(line, quoteEnd + 1)) {
    // Old Apache versions logged a `"` inside the request line unescaped: find the `" NNN ` that ends it instead.
    const m = /" (\d{3}) /g;
    m.lastIndex = i + 2;
    const found = m.exec(line);
    if (!found || found.index >= end) return 'unterminated or malformed quoted request line';
    request = line.slice(i + 2, found.index);
    quoteEnd = found.index;
  }
  i = quoteEnd + 2; // past `" `
  const status = readDigits(line, i, i + 3);
  if (status < 0 || (i + 3 < end && line.charCodeAt(i + 3) !== 32)) return 'invalid status code';
  i += 3;
  let bytes = 0;
  if (i < end) {
    i++; // space
    const next = line.indexOf(' ', i);
    const bEnd = next < 0 || next > end ? end : next;
    const token = line.slice(i, bEnd);
    if (token !== '-') {
      bytes = readDigits(line, i, bEnd);
      if (bytes < 0) return `invalid byte count "${token}"`;
    }
    i = bEnd;
  }

  let referrer: string | null = null;
  let userAgent: string | null = null;
  if (i < end) {
    if (line.charCodeAt(i) !== 32 || line.charCodeAt(i + 1) !== 34) return 'unexpected text after the byte count';
    referrer = readQuoted(line, i + 1, end);
    if (referrer === null) return 'unterminated quoted referrer (truncated line?)';
    i = quoteEnd + 1;
    if (i >= end || line.charCodeAt(i) !== 32 || line.charCodeAt(i + 1) !== 34) {
      return 'referrer without a quoted user agent';
    }
    userAgent = readQuoted(line, i + 1, end);
    if (userAgent === null) return 'unterminated quoted user agent (truncated line?)';
    // Anything after the user agent (nginx extras) is ignored.
  }

  const req = splitRequest(request);
  return { ip, time, method: req[0], target: req[1], protocol: req[2], status, bytes, referrer, userAgent };
}

/**
 * Parse a CLF timestamp `17/May/2015:10:05:03 +0200` (English month names) found at line[start..end) to epoch ms
 * UTC, applying its offset. NaN when malformed or not a real date.
 */
export function parseClfTime(line: string, start: number, end: number): number {
  if (end - start !== 26 || line.charCodeAt(start + 2) !== 47 || line.charCodeAt(start + 6) !== 47) return Number.NaN;
  const day = readDigits(line, start, start + 2);
  const name = line.slice(start + 3, start + 6);
  const mon = MONTHS.get(name) ?? MONTHS.get(name.toLowerCase());
  const year = readDigits(line, start + 7, start + 11);
  const hh = readDigits(line, start + 12, start + 14);
  const mm = readDigits(line, start + 15, start + 17);
  const ss = readDigits(line, start + 18, start + 20);
  const sign = line.charCodeAt(start + 21);
  const oh = readDigits(line, start + 22, start + 24);
  const om = readDigits(line, start + 24, start + 26);
  if (mon === undefined || day < 1 || year < 0 || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) {
    return Number.NaN;
  }
  if (oh < 0 || om < 0 || om > 59 || (sign !== 43 && sign !== 45) || line.charCodeAt(start + 20) !== 32) {
    return Number.NaN;
  }
  if (day > daysInMonth(year, mon)) return Number.NaN;
  const offsetMs = (oh * 60 + om) * 60_000 * (sign === 45 ? -1 : 1);
  // Consecutive lines share their date: reuse its midnight instead of calling Date.UTC per line.
  const dateKey = (year * 12 + mon) * 32 + day;
  if (dateKey !== lastDateKey) {
    lastDateKey = dateKey;
    lastMidnight = Date.UTC(year, mon, day);
  }
  return lastMidnight + ((hh * 60 + mm) * 60 + ss) * 1000 - offsetMs;
}

let lastDateKey = -1;
let lastMidnight = 0;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (0-based month), proleptic Gregorian. */
function daysInMonth(year: number, month: number): number {
  if (month !== 1) return DAYS_IN_MONTH[month];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Index of the closing quote of the last successful {@link readQuoted} (module state avoids an allocation per field). */
let quoteEnd = -1;

/** Read a `"..."` field whose opening quote is at `open`; decode escapes; null when there is no closing quote. */
function readQuoted(line: string, open: number, end: number): string | null {
  // indexOf is native and much faster than a charCodeAt loop; a quote preceded by an odd run of backslashes is
  // escaped (`\"`), an even run is escaped backslashes followed by the closing quote (`\\"`).
  let j = open;
  for (;;) {
    j = line.indexOf('"', j + 1);
    if (j < 0 || j >= end) return null;
    let k = j - 1;
    while (k > open && line.charCodeAt(k) === 92) k--;
    if ((j - 1 - k) % 2 === 0) break;
  }
  quoteEnd = j;
  const raw = line.slice(open + 1, j);
  return raw.indexOf('\\') >= 0 ? unescapeField(raw) : raw;
}

/** Decode `\"`, `\\` and `\xHH` (Apache and nginx escapes); other backslashes are kept as they are. */
export function unescapeField(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|["\\])/g, (_, e: string) =>
    e.length === 3 ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : e,
  );
}

/** Whether ` NNN` (a status code) starts at `i`. */
function statusFollows(line: string, i: number): boolean {
  return line.charCodeAt(i) === 32 && readDigits(line, i + 1, i + 4) >= 0;
}

/** Non-negative integer from the ASCII digits in line[start..end), or -1 if any is not a digit or the range is empty. */
function readDigits(line: string, start: number, end: number): number {
  if (end <= start || end > line.length) return -1;
  let n = 0;
  for (let j = start; j < end; j++) {
    const d = line.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** `GET /x HTTP/1.1` -> [method, target, protocol]; `-` -> ['', '', '']; a target may itself contain spaces. */
export function splitRequest(request: string): [string, string, string] {
  if (request === '-' || request === '') return ['', '', ''];
  const first = request.indexOf(' ');
  if (first < 0) return [request, '', ''];
  const method = request.slice(0, first);
  const last = request.lastIndexOf(' ');
  if (last > first && request.startsWith('HTTP/', last + 1)) {
    return [method, request.slice(first + 1, last), request.slice(last + 1)];
  }
  return [method, request.slice(first + 1), ''];
}
