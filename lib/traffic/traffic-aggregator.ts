/**
 * Access-log aggregation: turn parsed log lines (any syntax of ./line-parsers.ts) into daily page views, unique
 * visitors and bot hits per path, and page views per (path, referrer host). The rules themselves live in
 * ./counting-rules.ts; the public entry point is ./access-log.ts.
 *
 * Privacy: raw IP addresses are only held while a line is processed. Unique visitors are counted as distinct
 * hash(daily salt + IP + user agent), the salt random per day and dropped by `finish()`, as Plausible and
 * GoatCounter do; the hashes themselves are dropped by `finish()` too.
 */
import { randomBytes } from 'node:crypto';
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

/** A (path, kind) pair, one object per distinct pair, so maps can key on its identity (no string building per line). */
interface Target {
  path: string;
  kind: PathKind;
}

interface Acc {
  row: DailyPathViews;
  visitors: Set<number>;
}

const TARGET_CACHE_LIMIT = 50_000;

/**
 * Streaming aggregator: feed lines with `addLine`, then call `finish()` once.
 * Rows are keyed by (day, normalized path, kind): `/tags/x?flav=rss20` (a feed) and `/tags/x` (a page) normalize
 * to the same path but stay apart. Bot hits and page views count only the request target, never the referrer.
 * Hot loop: per line only map lookups on strings the line already holds; day strings come interned from the day
 * cache and (path, kind) pairs are canonical objects, so no key is built per line.
 *
 * @throws Error from the constructor for an invalid time zone, from addLine after finish.
 */
export class TrafficAggregator {
  private readonly dayOf: (ms: number) => string;
  /** day -> canonical target -> counters. */
  private readonly byDay = new Map<string, Map<Target, Acc>>();
  private curDay = '';
  private curMap: Map<Target, Acc> = new Map();
  private curSalt = 0;
  /** Raw request target -> canonical target (bounded: query-string variants are endless in hostile logs). */
  private readonly targets = new Map<string, Target | null>();
  /** `kind\tpath` -> canonical target (as many as distinct pairs, like the rows themselves). */
  private readonly canon = new Map<string, Target>();
  private readonly salts = new Map<string, number>();
  private readonly counts: TrafficCounts = { read: 0, pageViews: 0, botHits: 0, rejected: 0, other: 0 };
  private readonly rejects: Reject[] = [];
  private readonly parser: LineParser;
  private readonly ownHosts: ReadonlySet<string>;
  /** target -> referrer host -> human page views. */
  private readonly refs = new Map<Target, Map<string, number>>();
  private readonly refHosts = new Map<string, string>();
  private minTime = Number.POSITIVE_INFINITY;
  private maxTime = Number.NEGATIVE_INFINITY;
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
    const time = hit.time;
    if (time < this.minTime) this.minTime = time;
    if (time > this.maxTime) this.maxTime = time;
    const day = this.dayOf(time);
    const bot = isBotHit(hit.userAgent);
    const target = this.resolveTarget(hit.target);
    const pageView = isPageView(hit, bot, target?.kind ?? null);
    if (bot) this.counts.botHits++;
    else if (pageView) this.counts.pageViews++;
    else this.counts.other++;

    if (target) {
      if (day !== this.curDay) this.switchDay(day);
      let a = this.curMap.get(target);
      if (!a) {
        a = {
          row: { day, path: target.path, pageViews: 0, visitors: 0, botHits: 0, kind: target.kind },
          visitors: new Set(),
        };
        this.curMap.set(target, a);
      }
      if (bot) a.row.botHits++;
      else if (pageView) {
        a.row.pageViews++;
        a.visitors.add(visitorHash(this.curSalt, hit.ip, hit.userAgent));
        this.countReferrer(target, hit.referrer);
      }
    }
    this.opts.onHit?.(hit, { day, path: target?.path ?? null, kind: target?.kind ?? null, bot, pageView });
  }

  /** Close the aggregation: emit rows, drop salts, hashes and caches. Call once. */
  finish(): AccessLogResult {
    this.done = true;
    // Sorted by day, then path: days sort as a short list, each day's rows among themselves (cheaper than one sort).
    const rows: DailyPathViews[] = [];
    for (const day of [...this.byDay.keys()].sort()) {
      const dayRows: DailyPathViews[] = [];
      for (const a of (this.byDay.get(day) as Map<Target, Acc>).values()) {
        a.row.visitors = a.visitors.size;
        dayRows.push(a.row);
      }
      dayRows.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
      for (const r of dayRows) rows.push(r);
    }
    const referrers: PathReferrer[] = [];
    for (const [target, byHost] of this.refs) {
      for (const [referrer, pageViews] of byHost) referrers.push({ path: target.path, referrer, pageViews });
    }
    referrers.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : y.pageViews - x.pageViews));
    this.byDay.clear();
    this.curMap = new Map();
    this.salts.clear();
    this.curSalt = 0;
    this.targets.clear();
    this.canon.clear();
    this.refs.clear();
    this.refHosts.clear();
    const firstDay = Number.isFinite(this.minTime) ? this.dayOf(this.minTime) : null;
    const lastDay = Number.isFinite(this.maxTime) ? this.dayOf(this.maxTime) : null;
    return { rows, referrers, counts: { ...this.counts }, rejects: this.rejects, firstDay, lastDay };
  }

  /** Make `day` current: its counters map and its visitor salt (random per day, forgotten by finish). */
  private switchDay(day: string): void {
    let m = this.byDay.get(day);
    if (!m) {
      m = new Map();
      this.byDay.set(day, m);
    }
    let salt = this.salts.get(day);
    if (salt === undefined) {
      salt = randomBytes(4).readUInt32LE(0);
      this.salts.set(day, salt);
    }
    this.curDay = day;
    this.curMap = m;
    this.curSalt = salt;
  }

  /** Rule 4 of ./counting-rules.ts, memoized per referrer string (bounded, like the target cache). */
  private countReferrer(target: Target, referrer: string | null): void {
    const raw = referrer ?? '-';
    let host = this.refHosts.get(raw);
    if (host === undefined) {
      host = referrerHost(referrer, this.ownHosts);
      if (this.refHosts.size >= TARGET_CACHE_LIMIT) this.refHosts.clear();
      this.refHosts.set(raw, host);
    }
    let byHost = this.refs.get(target);
    if (!byHost) {
      byHost = new Map();
      this.refs.set(target, byHost);
    }
    byHost.set(host, (byHost.get(host) ?? 0) + 1);
  }

  /** Canonical (path, kind) of a raw target, memoized (query-string variants repeat a lot); null when it has no path. */
  private resolveTarget(raw: string): Target | null {
    let r = this.targets.get(raw);
    if (r !== undefined) return r;
    // Origin-form (`/x`) or absolute-form (`http://host/x`, proxies) targets only; `*`, `-` and junk have no path.
    if (raw.startsWith('/') || /^https?:\/\//i.test(raw)) {
      const path = requestPath(raw);
      const kind = classifyPath(path, raw);
      const key = `${kind}\t${path}`;
      r = this.canon.get(key);
      if (!r) {
        r = { path, kind };
        this.canon.set(key, r);
      }
    } else r = null;
    if (this.targets.size >= TARGET_CACHE_LIMIT) this.targets.clear();
    this.targets.set(raw, r);
    return r;
  }
}

/**
 * A 53-bit hash of (salt, IP, user agent) for counting distinct visitors per day and path: cyrb53 (bryc, public
 * domain), fed both strings without joining them. Not cryptographic, and it need not be: the salt is random per day
 * and forgotten with the hashes when the import ends, and nothing derived from it is stored but the count. Two
 * visitors colliding in 2^53 is negligible at any blog's scale.
 */
function visitorHash(salt: number, ip: string, ua: string | null): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ 0, 2654435761);
  if (ua !== null) {
    for (let i = 0; i < ua.length; i++) {
      const c = ua.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
