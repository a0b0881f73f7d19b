/**
 * Access-log aggregation: turn parsed Apache/nginx log lines into daily page views, unique visitors and bot hits
 * per path. Line syntax lives in ./log-line.ts; the public entry point is ./access-log.ts.
 *
 * Privacy: raw IP addresses are only held while a line is processed. Unique visitors are counted as distinct
 * hash(daily salt + IP + user agent), the salt random per day and dropped by `finish()`, as Plausible and
 * GoatCounter do; the hashes themselves are dropped by `finish()` too.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isBotUserAgent } from '../bots';
import { classifyPath, requestPath } from '../paths';
import type { DailyPathViews, PathKind, Reject, TrafficCounts } from '../types';
import { makeDayOfEpoch } from './day-bucket';
import { isSkippableLine, type LogHit, parseLogLineOrReason } from './log-line';

/** What the aggregator decided about one parsed line (handed to `onHit`). */
export interface HitInfo {
  /** Day in the aggregator's time zone, `YYYY-MM-DD`. */
  day: string;
  /** Normalized path, or null when the request had no usable target (`"-"`, garbage). */
  path: string | null;
  kind: PathKind | null;
  bot: boolean;
  pageView: boolean;
}

export interface AccessLogOptions {
  /** IANA time zone the days are counted in (the site's zone). */
  timeZone: string;
  /** File name used in rejects. */
  file: string;
  /**
   * Called for every parsed line with the decision made about it. For diagnostics and tests only (e.g. counting
   * client IPs of one post's views); the aggregator itself keeps no IP.
   */
  onHit?: (hit: LogHit, info: HitInfo) => void;
}

export interface AccessLogResult {
  /** One row per (day, path, kind) requested, sorted by day then path; kind from `classifyPath`. */
  rows: DailyPathViews[];
  counts: TrafficCounts;
  rejects: Reject[];
  /** First and last day (site time zone) of any parsed line, null when none parsed. */
  firstDay: string | null;
  lastDay: string | null;
}

/**
 * THE page-view rule, in one place: a GET answered 2xx or 304, by a client that is not a bot, of a `page` path.
 * HEAD/POST, redirects, errors, assets and feeds are requests but not page views. A bot request is never a page
 * view: it is a bot hit, whatever its method and status. A common-format line has no user agent: it is not a bot.
 */
export function isPageView(hit: Pick<LogHit, 'method' | 'status'>, bot: boolean, kind: PathKind | null): boolean {
  if (bot || kind !== 'page' || hit.method !== 'GET') return false;
  return (hit.status >= 200 && hit.status < 300) || hit.status === 304;
}

interface Acc {
  row: DailyPathViews;
  visitors: Set<string>;
}

const TARGET_CACHE_LIMIT = 50_000;

/**
 * Streaming aggregator: feed lines with `addLine`, then call `finish()` once.
 * Rows are keyed by (day, normalized path, kind): `/tags/x?flav=rss20` (a feed) and `/tags/x` (a page) normalize
 * to the same path but stay apart. Bot hits and page views count only the request target, never the referrer.
 *
 * @throws Error from the constructor for an invalid time zone, from addLine after finish.
 */
export class TrafficAggregator {
  private readonly dayOf: (ms: number) => string;
  private readonly acc = new Map<string, Acc>();
  private readonly targets = new Map<string, { path: string; kind: PathKind } | null>();
  private readonly salts = new Map<string, Buffer>();
  private readonly counts: TrafficCounts = { read: 0, pageViews: 0, botHits: 0, rejected: 0, other: 0 };
  private readonly rejects: Reject[] = [];
  private firstDay: string | null = null;
  private lastDay: string | null = null;
  private done = false;

  constructor(private readonly opts: AccessLogOptions) {
    this.dayOf = makeDayOfEpoch(opts.timeZone);
  }

  /** Process one line (1-based `lineNo` for rejects). Blank and `#` lines are skipped and not counted as read. */
  addLine(line: string, lineNo: number): void {
    if (this.done) throw new Error('TrafficAggregator.addLine called after finish()');
    if (isSkippableLine(line)) return;
    this.counts.read++;
    const hit = parseLogLineOrReason(line);
    if (typeof hit === 'string') {
      this.counts.rejected++;
      this.rejects.push({ file: this.opts.file, line: lineNo, reason: hit });
      return;
    }
    const day = this.dayOf(hit.time);
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;

    const bot = hit.userAgent !== null && isBotUserAgent(hit.userAgent);
    const target = this.resolveTarget(hit.target);
    const pageView = isPageView(hit, bot, target?.kind ?? null);
    if (bot) this.counts.botHits++;
    else if (pageView) this.counts.pageViews++;
    else this.counts.other++;

    if (target) {
      const key = `${day}\t${target.kind}\t${target.path}`;
      let a = this.acc.get(key);
      if (!a) {
        a = {
          row: { day, path: target.path, pageViews: 0, visitors: 0, botHits: 0, kind: target.kind },
          visitors: new Set(),
        };
        this.acc.set(key, a);
      }
      if (bot) a.row.botHits++;
      else if (pageView) {
        a.row.pageViews++;
        a.visitors.add(this.visitorHash(day, hit.ip, hit.userAgent));
      }
    }
    this.opts.onHit?.(hit, { day, path: target?.path ?? null, kind: target?.kind ?? null, bot, pageView });
  }

  /** Close the aggregation: emit rows, drop salts, hashes and caches. Call once. */
  finish(): AccessLogResult {
    this.done = true;
    const rows: DailyPathViews[] = [];
    for (const a of this.acc.values()) {
      a.row.visitors = a.visitors.size;
      rows.push(a.row);
    }
    this.acc.clear();
    this.salts.clear();
    this.targets.clear();
    rows.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    return { rows, counts: { ...this.counts }, rejects: this.rejects, firstDay: this.firstDay, lastDay: this.lastDay };
  }

  /** Normalized path and kind of a raw target, memoized (query-string variants repeat a lot). */
  private resolveTarget(target: string): { path: string; kind: PathKind } | null {
    let r = this.targets.get(target);
    if (r !== undefined) return r;
    // Origin-form (`/x`) or absolute-form (`http://host/x`, proxies) targets only; `*`, `-` and junk have no path.
    r = target.startsWith('/') || /^https?:\/\//i.test(target) ? { path: '', kind: 'page' } : null;
    if (r) {
      r.path = requestPath(target);
      r.kind = classifyPath(r.path, target);
    }
    if (this.targets.size >= TARGET_CACHE_LIMIT) this.targets.clear();
    this.targets.set(target, r);
    return r;
  }

  private visitorHash(day: string, ip: string, ua: string | null): string {
    let salt = this.salts.get(day);
    if (!salt) {
      salt = randomBytes(16);
      this.salts.set(day, salt);
    }
    // 96 bits of the digest: collisions are negligible at blog scale and the set stays small.
    return createHash('sha256')
      .update(salt)
      .update(ip)
      .update('\0')
      .update(ua ?? '')
      .digest('base64')
      .slice(0, 16);
  }
}
