/**
 * Access-log aggregation: turn parsed log lines (any syntax of ./line-parsers.ts) into daily page views, unique
 * visitors and bot hits per path, and page views per (path, referrer host). The rules themselves live in
 * ./counting-rules.ts; the public entry point is ./access-log.ts.
 *
 * Privacy: raw IP addresses are only held while a line is processed. Unique visitors are counted as distinct
 * hash(daily salt + IP + user agent), the salt random per day and dropped by `finish()`, as Plausible and
 * GoatCounter do; the hashes themselves are dropped by `finish()` too.
 */
import { createHash, randomBytes } from 'node:crypto';
import { classifyPath, requestPath } from '../paths';
import type { DailyPathViews, PathKind, Reject, TrafficCounts } from '../types';
import { isBotHit, isPageView, referrerHost } from './counting-rules';
import { makeDayOfEpoch } from './day-bucket';
import { combinedParser, type LineParser } from './line-parsers';
import type { LogHit } from './log-line';

export { isPageView } from './counting-rules';

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
  /** Line syntax (default: combined/common). W3C parsers are stateful: one per file. */
  parser?: LineParser;
  /** The blog's own hosts (lowercase, no `www.`): referrers from them count as `(internal)`. */
  ownHosts?: ReadonlySet<string>;
}

/** Human page views of one path by referrer host (`(direct)`, `(internal)` or a host), over the whole input. */
export interface PathReferrer {
  path: string;
  referrer: string;
  pageViews: number;
}

export interface AccessLogResult {
  /** One row per (day, path, kind) requested, sorted by day then path; kind from `classifyPath`. */
  rows: DailyPathViews[];
  /** Page views per (page path, referrer host), sorted by path then most views. */
  referrers: PathReferrer[];
  counts: TrafficCounts;
  rejects: Reject[];
  /** First and last day (site time zone) of any parsed line, null when none parsed. */
  firstDay: string | null;
  lastDay: string | null;
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
  private readonly parser: LineParser;
  private readonly ownHosts: ReadonlySet<string>;
  /** path -> referrer host -> human page views. */
  private readonly refs = new Map<string, Map<string, number>>();
  private readonly refHosts = new Map<string, string>();
  private firstDay: string | null = null;
  private lastDay: string | null = null;
  private done = false;

  constructor(private readonly opts: AccessLogOptions) {
    this.dayOf = makeDayOfEpoch(opts.timeZone);
    this.parser = opts.parser ?? combinedParser;
    this.ownHosts = opts.ownHosts ?? new Set();
  }

  /**
   * Process one line (1-based `lineNo` for rejects). Lines the parser skips (blank, `#`, non-request entries) are not
   * counted as read.
   */
  addLine(line: string, lineNo: number): void {
    if (this.done) throw new Error('TrafficAggregator.addLine called after finish()');
    const hit = this.parser.parse(line);
    if (hit === null) return;
    this.counts.read++;
    if (typeof hit === 'string') {
      this.counts.rejected++;
      // Keep the first 10,000 reasons: a wrong --format must not fill memory with a million identical rejects.
      if (this.rejects.length < 10_000) this.rejects.push({ file: this.opts.file, line: lineNo, reason: hit });
      return;
    }
    this.addHit(hit);
  }

  /** Count one parsed request (for callers that parse lines themselves). */
  addHit(hit: LogHit): void {
    const day = this.dayOf(hit.time);
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;

    const bot = isBotHit(hit.userAgent);
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
        this.countReferrer(target.path, hit.referrer);
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
    const referrers: PathReferrer[] = [];
    for (const [path, byHost] of this.refs) {
      for (const [referrer, pageViews] of byHost) referrers.push({ path, referrer, pageViews });
    }
    referrers.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : y.pageViews - x.pageViews));
    this.acc.clear();
    this.salts.clear();
    this.targets.clear();
    this.refs.clear();
    this.refHosts.clear();
    rows.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    const { firstDay, lastDay } = this;
    return { rows, referrers, counts: { ...this.counts }, rejects: this.rejects, firstDay, lastDay };
  }

  /** Rule 4 of ./counting-rules.ts, memoized per referrer string (bounded, like the target cache). */
  private countReferrer(path: string, referrer: string | null): void {
    const raw = referrer ?? '-';
    let host = this.refHosts.get(raw);
    if (host === undefined) {
      host = referrerHost(referrer, this.ownHosts);
      if (this.refHosts.size >= TARGET_CACHE_LIMIT) this.refHosts.clear();
      this.refHosts.set(raw, host);
    }
    let byHost = this.refs.get(path);
    if (!byHost) {
      byHost = new Map();
      this.refs.set(path, byHost);
    }
    byHost.set(host, (byHost.get(host) ?? 0) + 1);
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
