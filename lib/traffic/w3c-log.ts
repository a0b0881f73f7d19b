/**
 * W3C extended log files: Amazon CloudFront standard logs (tab-separated, gzipped per delivery) and IIS logs
 * (space-separated). The `#Fields:` directive names the columns; other `#` lines (`#Version`, `#Date`, `#Software`)
 * are skipped. Sources: W3C "Extended Log File Format" (WD-logfile-960323), AWS CloudFront developer guide ("Standard
 * log file fields"), Microsoft IIS W3C logging reference.
 *
 *     #Version: 1.0
 *     #Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query ...
 *     2024-03-03	10:00:00	FRA56-C1	5120	192.0.2.1	GET	d1.cloudfront.net	/posts/x	200	-	Mozilla/5.0%20(X11)	-	...
 *
 * Dates and times are UTC. CloudFront URL-encodes the user agent and referrer (sometimes twice); IIS writes `+` for
 * spaces in them. A line is a request only with date, time, cs-uri-stem and sc-status columns.
 */
import type { LogHit } from './log-line';
import { parseLogTime } from './log-time';

/** Stateful parser: feed it every line of a file in order, `#Fields` directive included. */
export interface W3cParser {
  parse(line: string): LogHit | string | null;
  /** Column names from the last `#Fields:` line, or null before it. */
  readonly fields: string[] | null;
}

interface Cols {
  date: number;
  time: number;
  ip: number;
  method: number;
  stem: number;
  query: number;
  status: number;
  bytes: number;
  referrer: number;
  ua: number;
  protocol: number;
}

/** Create a W3C/CloudFront/IIS line parser. */
export function createW3cParser(): W3cParser {
  let fields: string[] | null = null;
  let cols: Cols | null = null;
  return {
    get fields() {
      return fields;
    },
    parse(line: string): LogHit | string | null {
      const s = line.replace(/\r$/, '');
      if (s.trim() === '') return null;
      if (s.startsWith('#')) {
        const m = /^#Fields:\s*(.*)$/i.exec(s);
        if (m) {
          fields = m[1].trim().split(/\s+/);
          const at = (...names: string[]) => fields?.findIndex((f) => names.includes(f.toLowerCase())) ?? -1;
          cols = {
            date: at('date'),
            time: at('time'),
            ip: at('c-ip'),
            method: at('cs-method'),
            stem: at('cs-uri-stem'),
            query: at('cs-uri-query'),
            status: at('sc-status'),
            bytes: at('sc-bytes'),
            referrer: at('cs(referer)', 'cs(referrer)'),
            ua: at('cs(user-agent)'),
            protocol: at('cs-protocol-version', 'cs-version'),
          };
        }
        return null;
      }
      if (!cols) return 'no #Fields: line before this line (W3C logs name their columns first)';
      if (cols.date < 0 || cols.time < 0 || cols.stem < 0 || cols.status < 0) {
        return '#Fields lacks date, time, cs-uri-stem or sc-status';
      }
      const tabbed = s.indexOf('\t') >= 0;
      const cells = tabbed ? s.split('\t') : s.split(' ');
      if (cells.length < (fields?.length ?? 0)) return `${cells.length} fields, #Fields names ${fields?.length}`;
      const cell = (i: number) => (i >= 0 ? cells[i] : '-');
      const time = parseLogTime(`${cell(cols.date)} ${cell(cols.time)}`);
      if (Number.isNaN(time)) return `invalid date/time "${cell(cols.date)} ${cell(cols.time)}"`;
      const status = /^\d{3}$/.test(cell(cols.status)) ? Number(cell(cols.status)) : -1;
      if (status < 0) return `invalid sc-status "${cell(cols.status)}"`;
      const query = cell(cols.query);
      const decode = tabbed ? decodeCloudFront : decodeIis;
      return {
        ip: cell(cols.ip),
        time,
        method: cols.method < 0 ? 'GET' : cell(cols.method),
        target: cell(cols.stem) + (query && query !== '-' ? `?${query}` : ''),
        protocol: cell(cols.protocol) === '-' ? '' : cell(cols.protocol),
        status,
        bytes: /^\d+$/.test(cell(cols.bytes)) ? Number(cell(cols.bytes)) : 0,
        referrer: cols.referrer < 0 ? null : decode(cell(cols.referrer)),
        userAgent: cols.ua < 0 ? null : decode(cell(cols.ua)),
      };
    },
  };
}

/** Whether the head of a file is a W3C extended log (`#Version:` or `#Fields:` directives). */
export function looksLikeW3c(lines: string[]): boolean {
  return lines.some((l) => /^#(Fields|Version|Software):/i.test(l));
}

/** CloudFront URL-encodes header values, some twice (`%2520`): decode up to twice, keeping malformed text as is. */
function decodeCloudFront(v: string): string {
  if (v === '-' || v.indexOf('%') < 0) return v;
  let out = safeDecode(v);
  if (/%[0-9A-Fa-f]{2}/.test(out) && out.indexOf(' ') < 0) out = safeDecode(out);
  return out;
}

function decodeIis(v: string): string {
  return v === '-' ? v : v.replace(/\+/g, ' ');
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
