/**
 * The hot loop of a combined/common log import, on raw bytes: the fields of a *regular* line are located by byte
 * offsets, without decoding the line to a string or allocating per field. It exists because a profile of the
 * 1M-line import showed most of its time in decoding lines, slicing fields and hashing fresh strings for the caches
 * (see `npm run bench`).
 *
 * It is a fast path, not a second parser: {@link scanCombinedBytes} accepts only lines that ./log-line.ts
 * `parseLogLineOrReason` parses the plain way (no backslash escapes, no unescaped quote in the request, English
 * month names as logged, a numeric or `-` byte count). Anything else returns false and the caller hands the line,
 * decoded, to the string parser, which decides and words the reject. So both paths give the same fields for every
 * line the fast path accepts (tests compare them line by line).
 *
 * UTF-8: every delimiter is ASCII, and in UTF-8 an ASCII byte never occurs inside a multi-byte sequence (an invalid
 * sequence decodes to U+FFFD and leaves the ASCII after it alone), so offsets found on bytes delimit the same fields
 * as offsets found on the decoded string.
 */

/** Byte offsets (into the scanned buffer) of one regular line's fields; -1 starts mean "absent". */
export interface ByteFields {
  ipStart: number;
  ipEnd: number;
  /** Request time, epoch ms UTC (the timestamp's offset applied). */
  time: number;
  /** Method bytes (`GET`); empty when the request line is `-`. */
  methodStart: number;
  methodEnd: number;
  /** Raw request target bytes; empty when the request line is `-` or has no target. */
  targetStart: number;
  targetEnd: number;
  status: number;
  /** Referer bytes, or -1 when the line is in the common format (no referrer field). */
  refStart: number;
  refEnd: number;
  /** User-Agent bytes, or -1 when the line is in the common format. */
  uaStart: number;
  uaEnd: number;
}

/** A fresh fields record for {@link scanCombinedBytes} to fill (reuse one per import: no allocation per line). */
export function newByteFields(): ByteFields {
  return {
    ipStart: 0,
    ipEnd: 0,
    time: 0,
    methodStart: 0,
    methodEnd: 0,
    targetStart: 0,
    targetEnd: 0,
    status: 0,
    refStart: -1,
    refEnd: -1,
    uaStart: -1,
    uaEnd: -1,
  };
}

const SP = 32;
const QUOTE = 34;
const BACKSLASH = 92;

/** Month number by its three bytes as logged (`Jan`) or lowercased (`jan`), like ./log-line.ts accepts directly. */
const MONTH_CODES = new Map<number, number>();
for (const [i, m] of ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].entries()) {
  for (const name of [m, m.toLowerCase()]) {
    MONTH_CODES.set((name.charCodeAt(0) << 16) | (name.charCodeAt(1) << 8) | name.charCodeAt(2), i);
  }
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Non-negative integer from ASCII digits buf[start..end), or -1 when a byte is not a digit, the range is empty, or
 * it runs past `limit` (the line's end: what follows in the buffer may be another line, or stale bytes of an
 * earlier read).
 */
function digits(buf: Uint8Array, start: number, end: number, limit: number): number {
  if (end <= start || end > limit) return -1;
  let n = 0;
  for (let j = start; j < end; j++) {
    const d = buf[j] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

let lastDateKey = -1;
let lastMidnight = 0;

/**
 * `17/May/2015:10:05:03 +0200` at buf[start..end) to epoch ms UTC; NaN when it is not exactly that shape with a
 * real date (the string parser then words the reject, or accepts an upper-case month name).
 */
function clfTime(buf: Uint8Array, start: number, end: number): number {
  if (end - start !== 26 || buf[start + 2] !== 47 || buf[start + 6] !== 47) return Number.NaN;
  const day = digits(buf, start, start + 2, end);
  const mon = MONTH_CODES.get((buf[start + 3] << 16) | (buf[start + 4] << 8) | buf[start + 5]);
  const year = digits(buf, start + 7, start + 11, end);
  const hh = digits(buf, start + 12, start + 14, end);
  const mm = digits(buf, start + 15, start + 17, end);
  const ss = digits(buf, start + 18, start + 20, end);
  const sign = buf[start + 21];
  const oh = digits(buf, start + 22, start + 24, end);
  const om = digits(buf, start + 24, start + 26, end);
  if (mon === undefined || day < 1 || year < 0 || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) {
    return Number.NaN;
  }
  if (oh < 0 || om < 0 || om > 59 || (sign !== 43 && sign !== 45) || buf[start + 20] !== SP) return Number.NaN;
  const dim = mon === 1 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 29 : DAYS_IN_MONTH[mon];
  if (day > dim) return Number.NaN;
  const offsetMs = (oh * 60 + om) * 60_000 * (sign === 45 ? -1 : 1);
  const dateKey = (year * 12 + mon) * 32 + day;
  if (dateKey !== lastDateKey) {
    lastDateKey = dateKey;
    lastMidnight = Date.UTC(year, mon, day);
  }
  return lastMidnight + ((hh * 60 + mm) * 60 + ss) * 1000 - offsetMs;
}

/** Index of the first `b` in buf[from..end), or -1. */
function find(buf: Uint8Array, b: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buf[i] === b) return i;
  return -1;
}

/**
 * Index of the closing quote of a `"..."` field opening at `open`, or -1 when there is none before `end` or the
 * field holds a backslash (an escape: the string parser decodes it).
 */
function closingQuote(buf: Uint8Array, open: number, end: number): number {
  for (let i = open + 1; i < end; i++) {
    const b = buf[i];
    if (b === QUOTE) return i;
    if (b === BACKSLASH) return -1;
  }
  return -1;
}

/**
 * Locate the fields of one combined/common line at buf[start..end) (without its newline).
 * @returns true and fills `out` when the line is regular (see the file comment); false for anything the string
 *   parser must decide: blank and `#` lines, escapes, malformed fields, an unescaped quote in the request line.
 */
export function scanCombinedBytes(buf: Uint8Array, start: number, end: number, out: ByteFields): boolean {
  while (end > start) {
    const c = buf[end - 1];
    if (c !== 13 && c !== 10 && c !== SP && c !== 9) break;
    end--;
  }
  if (end === start) return false;
  const first = buf[start];
  if (first === SP || first === 9 || first === 13 || first === 35) return false;
  const sp = find(buf, SP, start, end);
  if (sp <= start) return false;
  // ` [`: the first space followed by `[` at or after the host's end.
  let lb = sp;
  while (lb < end && !(buf[lb] === SP && buf[lb + 1] === 91)) lb++;
  if (lb >= end) return false;
  const rb = find(buf, 93, lb + 2, end);
  if (rb < 0) return false;
  const time = clfTime(buf, lb + 2, rb);
  if (Number.isNaN(time)) return false;

  let i = rb + 1;
  if (buf[i] !== SP || buf[i + 1] !== QUOTE) return false;
  const reqStart = i + 2;
  const reqEnd = closingQuote(buf, i + 1, end);
  if (reqEnd < 0 || buf[reqEnd + 1] !== SP || digits(buf, reqEnd + 2, reqEnd + 5, end) < 0) return false;
  i = reqEnd + 2;
  const status = digits(buf, i, i + 3, end);
  if (status < 0 || (i + 3 < end && buf[i + 3] !== SP)) return false;
  i += 3;
  if (i < end) {
    i++;
    let bEnd = find(buf, SP, i, end);
    if (bEnd < 0) bEnd = end;
    if (!(bEnd - i === 1 && buf[i] === 45) && digits(buf, i, bEnd, end) < 0) return false;
    i = bEnd;
  }
  let refStart = -1;
  let refEnd = -1;
  let uaStart = -1;
  let uaEnd = -1;
  if (i < end) {
    if (buf[i] !== SP || buf[i + 1] !== QUOTE) return false;
    refEnd = closingQuote(buf, i + 1, end);
    if (refEnd < 0) return false;
    refStart = i + 2;
    i = refEnd + 1;
    if (i >= end || buf[i] !== SP || buf[i + 1] !== QUOTE) return false;
    uaEnd = closingQuote(buf, i + 1, end);
    if (uaEnd < 0) return false;
    uaStart = i + 2;
  }

  // The request line: `METHOD target PROTOCOL`, `-`, or less (./log-line.ts splitRequest).
  let methodEnd = reqStart;
  let targetStart = reqStart;
  let targetEnd = reqStart;
  const isDash = reqEnd - reqStart === 1 && buf[reqStart] === 45;
  if (!isDash && reqEnd > reqStart) {
    const s1 = find(buf, SP, reqStart, reqEnd);
    if (s1 < 0) methodEnd = reqEnd;
    else {
      methodEnd = s1;
      targetStart = s1 + 1;
      targetEnd = reqEnd;
      let last = reqEnd - 1;
      while (last > s1 && buf[last] !== SP) last--;
      if (
        last > s1 &&
        buf[last + 1] === 72 &&
        buf[last + 2] === 84 &&
        buf[last + 3] === 84 &&
        buf[last + 4] === 80 &&
        buf[last + 5] === 47 &&
        last + 5 < reqEnd
      )
        targetEnd = last;
    }
  }

  out.ipStart = start;
  out.ipEnd = sp;
  out.time = time;
  out.methodStart = reqStart;
  out.methodEnd = methodEnd;
  out.targetStart = targetStart;
  out.targetEnd = targetEnd;
  out.status = status;
  out.refStart = refStart;
  out.refEnd = refEnd;
  out.uaStart = uaStart;
  out.uaEnd = uaEnd;
  return true;
}
