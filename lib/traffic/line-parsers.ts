/**
 * The access-log line syntaxes Tend reads, behind one interface, and their detection from a file's first lines:
 * - `combined`: Apache/nginx combined and common (also nginx with extra trailing fields), ./log-line.ts,
 * - `caddy`: Caddy's JSON log, ./caddy-json.ts,
 * - `w3c`: CloudFront and IIS (W3C extended, `#Fields:`), ./w3c-log.ts,
 * - `custom`: a format string, nginx `log_format` or GoAccess style, ./log-format.ts.
 */
import { looksLikeCaddyLine, parseCaddyLine } from './caddy-json';
import { compileLogFormat, parseWithFormat } from './log-format';
import { isSkippableLine, type LogHit, parseLogLineOrReason } from './log-line';
import { createW3cParser, looksLikeW3c } from './w3c-log';

export const LOG_KINDS = ['combined', 'caddy', 'w3c', 'custom'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/**
 * Turns one line into a request. `null` means "not a request, skip without counting" (blank lines, `#` comments and
 * directives, Caddy's non-request entries); a string is the reason the line is malformed.
 */
export interface LineParser {
  readonly kind: LogKind;
  parse(line: string): LogHit | string | null;
}

/** The combined/common parser (the fast path: no closure state). */
export const combinedParser: LineParser = {
  kind: 'combined',
  parse: (line) => (isSkippableLine(line) ? null : parseLogLineOrReason(line)),
};

/**
 * A parser for a log kind. W3C parsers are stateful (they learn the columns from `#Fields:`): create one per file.
 * @param logFormat the format string, required for `custom`.
 * @throws Error when `custom` has no format string or the format does not compile.
 */
export function createLineParser(kind: LogKind, logFormat?: string): LineParser {
  if (kind === 'combined') return combinedParser;
  if (kind === 'caddy') return { kind, parse: parseCaddyLine };
  if (kind === 'w3c') {
    const w = createW3cParser();
    return { kind, parse: (line) => w.parse(line) };
  }
  if (!logFormat) throw new Error('a custom log format needs its format string (--log-format)');
  const compiled = compileLogFormat(logFormat);
  return { kind, parse: (line) => (line.trim() === '' ? null : parseWithFormat(compiled, line)) };
}

/**
 * Guess the log kind from a file's first lines: W3C by its directives, Caddy when most lines are JSON request
 * entries (among other JSON lines), combined/common when at least 80% of the candidate lines parse. With `logFormat`, `custom` when at least
 * 80% of the lines fit it.
 * @returns the kind, or null when no syntax fits.
 */
export function detectLogKind(lines: string[], logFormat?: string): LogKind | null {
  const candidates = lines.filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const mostly = (ok: (l: string) => boolean) =>
    candidates.length > 0 && candidates.filter(ok).length >= Math.ceil(candidates.length * 0.8);
  if (logFormat) {
    const p = createLineParser('custom', logFormat);
    return mostly((l) => typeof p.parse(l) === 'object') ? 'custom' : null;
  }
  if (looksLikeW3c(lines)) return 'w3c';
  if (candidates.length > 0 && candidates[0].trimStart().startsWith('{')) {
    // Caddy also logs non-request entries (startup, TLS): JSON lines with at least one request among them.
    return mostly((l) => l.trimStart().startsWith('{')) && candidates.some(looksLikeCaddyLine) ? 'caddy' : null;
  }
  return mostly((l) => typeof parseLogLineOrReason(l) !== 'string') ? 'combined' : null;
}
