/**
 * Access-log traffic, public entry point:
 * - line syntaxes: combined/common `parseLogLine` (./log-line.ts), Caddy JSON, W3C/CloudFront, custom format strings,
 *   behind `createLineParser` / `detectLogKind` (./line-parsers.ts),
 * - counting rules: ./counting-rules.ts; per-day aggregation: `TrafficAggregator` (./traffic-aggregator.ts),
 * - streaming a plain or gzipped file from disk: `readAccessLog` (./read-access-log.ts),
 * - format sniffing: `looksLikeAccessLog` (here).
 */
import { isSkippableLine, parseLogLineOrReason } from './log-line';

export { createLineParser, detectLogKind, type LineParser, LOG_KINDS, type LogKind } from './line-parsers';
export { isSkippableLine, type LogHit, parseClfTime, parseLogLine, parseLogLineOrReason } from './log-line';
export { type ReadAccessLogOptions, type ReadAccessLogResult, readAccessLog } from './read-access-log';
export {
  type AccessLogOptions,
  type AccessLogResult,
  type HitInfo,
  isPageView,
  type PathReferrer,
  TrafficAggregator,
} from './traffic-aggregator';

/**
 * Cheap format sniff: true when at least 80% (and at least one) of the non-blank, non-`#` lines parse as
 * common/combined log lines.
 * @param firstLines the first lines of a file (a few dozen is plenty).
 */
export function looksLikeAccessLog(firstLines: string[]): boolean {
  let candidates = 0;
  let parsed = 0;
  for (const line of firstLines) {
    if (isSkippableLine(line)) continue;
    candidates++;
    if (typeof parseLogLineOrReason(line) !== 'string') parsed++;
  }
  return candidates > 0 && parsed >= Math.ceil(candidates * 0.8);
}
