/**
 * Access-log traffic (Apache/nginx combined and common formats), public entry point:
 * - line syntax: `parseLogLine` (./log-line.ts),
 * - counting rules and per-day aggregation: `TrafficAggregator`, `isPageView` (./traffic-aggregator.ts),
 * - streaming a plain or gzipped file from disk: `readAccessLog` (./read-access-log.ts),
 * - format sniffing: `looksLikeAccessLog` (here).
 */
import { isSkippableLine, parseLogLineOrReason } from './log-line';

export { isSkippableLine, type LogHit, parseClfTime, parseLogLine, parseLogLineOrReason } from './log-line';
export { type ReadAccessLogOptions, readAccessLog } from './read-access-log';
export {
  type AccessLogOptions,
  type AccessLogResult,
  type HitInfo,
  isPageView,
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
