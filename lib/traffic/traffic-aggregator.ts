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
import { ByteCache } from './byte-cache';
import { newByteFields, scanCombinedBytes } from './combined-bytes';
import { DIRECT, isBotHit, isPageView, isSuccess, referrerHost } from './counting-rules';
import { makeDayOfEpoch } from './day-bucket';
import { combinedParser, type LineParser } from './line-parsers';
import type { LogHit } from './log-line';
import { PairCounts } from './pair-counts';
import { daySalt, userAgentKey, visitorHash, visitorHashBytes } from './visitor-hash';
import { VisitorPairs } from './visitor-pairs';

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
  /**
   * Random 32-bit key the daily visitor salts derive from (./visitor-hash.ts daySalt). Default: a fresh random key.
   * The threads of one parallel import share it so their visitor hashes can be merged.
   */
  saltKey?: number;
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
  /** Page views per (page path, referrer host), sorted by path, then most views, then referrer host. */
  referrers: PathReferrer[];
  counts: TrafficCounts;
  rejects: Reject[];
  /** First and last day (site time zone) of any parsed line, null when none parsed. */
  firstDay: string | null;
  lastDay: string | null;
}

/**
 * An aggregation's state in columns that cross a thread boundary cheaply: one thread's share of a parallel import
 * (./parallel-read.ts), merged into the main thread's aggregator with {@link TrafficAggregator.mergePartial}.
 * Strings are sent once each (the distinct days, targets and referrer hosts); rows and referrer counts refer to them
 * by index in typed arrays, which are transferred, not copied. Visitor hashes of row i are
 * hashes[visitorStart[i] .. visitorStart[i + 1]).
 */
export interface PartialAggregate {
  /** Distinct days (`YYYY-MM-DD`), in the order the rows first use them. */
  days: string[];
  /** Distinct (path, kind) targets: targetPaths[k] with targetKinds[k]. */
  targetPaths: string[];
  targetKinds: PathKind[];
  /** Referrer hosts by id. */
  hosts: string[];
  /** Per row: index into `days`, index into the targets, page views, bot hits, start of its visitor hashes. */
  rowDay: Int32Array;
  rowTarget: Int32Array;
  pageViews: Int32Array;
  botHits: Int32Array;
  visitorStart: Int32Array;
  hashes: Int32Array;
  /** Per (target, referrer host) pair: index into the targets, index into `hosts`, human page views. */
  refTarget: Int32Array;
  refHost: Int32Array;
  refCounts: Int32Array;
  counts: TrafficCounts;
  rejects: Reject[];
  minTime: number;
  maxTime: number;
}

/** A (path, kind) pair, one object per distinct pair, so maps can key on its identity (no string building per line). */
interface Target {
  path: string;
  kind: PathKind;
  /** Position by path among all targets, set by finish() for sorting. */
  rank: number;
  /** Index in creation order (the aggregator's `targetList`): how a PartialAggregate refers to it. */
  id: number;
}

/**
 * The counters of one (day, target) row while lines come in; finish() turns each into a DailyPathViews row (made
 * then, in order, rather than one more object per row kept alive through the whole read).
 */
interface Acc {
  target: Target;
  pageViews: number;
  botHits: number;
  /** Distinct visitors of the row's page views. */
  visitors: number;
  /** The row's number in its day's visitor pairs (rows are numbered as they are made). */
  id: number;
}

const TARGET_CACHE_LIMIT = 50_000;
const cmpText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Room for a day's rows in finish()'s sort keys: more distinct targets in one day than 2^24 cannot be held anyway. */
const DAY_SLOTS = 2 ** 24;

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
  /** kind -> path -> canonical target (as many as distinct pairs, like the rows themselves). */
  private readonly canon = new Map<PathKind, Map<string, Target>>();
  /** Every canonical target by its `id`. */
  private readonly targetList: Target[] = [];
  private readonly salts = new Map<string, number>();
  /**
   * Distinct (row, visitor hash) pairs per day: a new pair is a new visitor of its row (Acc.visitors counts them).
   * One small table per day rather than one for the whole log: the current day's stays in the CPU cache and grows
   * cheaply (one table of a 1M-line log's 400k pairs cost 0.1 s in cache misses and rehashing).
   */
  private readonly pairsByDay = new Map<string, VisitorPairs>();
  private curPairs = new VisitorPairs();
  private nextRowId = 0;
  private readonly counts: TrafficCounts = { read: 0, pageViews: 0, botHits: 0, rejected: 0, other: 0 };
  private readonly rejects: Reject[] = [];
  private readonly parser: LineParser;
  private readonly ownHosts: ReadonlySet<string>;
  /** Human page views per (target id, referrer host id). */
  private readonly refs = new PairCounts();
  private readonly refHosts = new Map<string, string>();
  private minTime = Number.POSITIVE_INFINITY;
  private maxTime = Number.NEGATIVE_INFINITY;
  private done = false;
  /** A share was merged: no more lines may come (their visitors could not be told from the merged ones). */
  private merged = false;
  /** Byte-level path (./combined-bytes.ts): the current line's fields and the caches keyed by raw bytes. */
  private readonly fields = newByteFields();
  /** User agent -> its visitor-hash key (odd) with the low bit replaced by rule 2's answer (1 = bot). */
  private readonly uaCache = new ByteCache<number>(
    (ua) => (userAgentKey(ua) & ~1) | (isBotHit(ua) ? 1 : 0),
    TARGET_CACHE_LIMIT,
  );
  private readonly targetCache = new ByteCache<Target | null>((raw) => this.canonicalTarget(raw), TARGET_CACHE_LIMIT);
  /** Raw referrer -> id of its host (rule 4). */
  private readonly refCache = new ByteCache<number>(
    (r) => this.hostId(referrerHost(r, this.ownHosts)),
    TARGET_CACHE_LIMIT,
  );
  /** Referrer hosts by id, and ids by host: per-target counts are keyed by small integers. */
  private readonly hostNames: string[] = [];
  private readonly hostIds = new Map<string, number>();

  private readonly saltKey: number;

  constructor(private readonly opts: AccessLogOptions) {
    this.saltKey = opts.saltKey ?? randomBytes(4).readUInt32LE(0);
    this.dayOf = makeDayOfEpoch(opts.timeZone);
    this.parser = opts.parser ?? combinedParser;
    this.ownHosts = opts.ownHosts ?? new Set();
  }

  /**
   * Process one line (1-based `lineNo` for rejects). Lines the parser skips (blank, `#`, non-request entries) are not
   * counted as read.
   */
  addLine(line: string, lineNo: number): void {
    if (this.done || this.merged) throw new Error('TrafficAggregator.addLine called after finish() or mergePartial()');
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

  /**
   * Process one line given as bytes buf[start..end) (without its newline; decoded as UTF-8 where needed). Regular
   * combined/common lines take the byte-level path of ./combined-bytes.ts; every other line, every other syntax and
   * any aggregator with an `onHit` callback goes through {@link addLine} on the decoded text. Same counts either way.
   */
  addLineBytes(buf: Buffer, start: number, end: number, lineNo: number): void {
    if (this.done || this.merged) throw new Error('TrafficAggregator.addLine called after finish() or mergePartial()');
    const f = this.fields;
    if (this.parser !== combinedParser || this.opts.onHit || !scanCombinedBytes(buf, start, end, f)) {
      this.addLine(buf.toString('utf8', start, end), lineNo);
      return;
    }
    this.counts.read++;
    const hasUa = f.uaStart >= 0;
    const ua = hasUa ? this.uaCache.get(buf, f.uaStart, f.uaEnd) : 0;
    const bot = hasUa && (ua & 1) === 1;
    const target = this.targetCache.get(buf, f.targetStart, f.targetEnd);
    const isGet =
      f.methodEnd - f.methodStart === 3 &&
      buf[f.methodStart] === 71 &&
      buf[f.methodStart + 1] === 69 &&
      buf[f.methodStart + 2] === 84;
    const pageView = !bot && target !== null && target.kind === 'page' && isGet && isSuccess(f.status);
    const acc = this.tally(f.time, bot, target, pageView);
    if (acc === null || !pageView) return;
    const uaKey = hasUa ? ua | 1 : 0;
    let visitor = visitorHashBytes(this.curSalt, buf, f.ipStart, f.ipEnd, uaKey);
    if (Number.isNaN(visitor)) visitor = visitorHash(this.curSalt, buf.toString('utf8', f.ipStart, f.ipEnd), uaKey);
    if (this.curPairs.add(acc.id, visitor)) acc.visitors++;
    const host = f.refStart < 0 ? this.hostId(DIRECT) : this.refCache.get(buf, f.refStart, f.refEnd);
    this.addReferrer(target as Target, host);
  }

  /** Count one parsed request (for callers that parse lines themselves). */
  addHit(hit: LogHit): void {
    const bot = isBotHit(hit.userAgent);
    const target = this.resolveTarget(hit.target);
    const pageView = isPageView(hit, bot, target?.kind ?? null);
    const acc = this.tally(hit.time, bot, target, pageView);
    if (acc !== null && pageView) {
      if (this.curPairs.add(acc.id, visitorHash(this.curSalt, hit.ip, userAgentKey(hit.userAgent)))) acc.visitors++;
      this.countReferrer(target as Target, hit.referrer);
    }
    this.opts.onHit?.(hit, {
      day: this.dayOf(hit.time),
      path: target?.path ?? null,
      kind: target?.kind ?? null,
      bot,
      pageView,
    });
  }

  /**
   * The counts every request adds: totals, the time range, and the (day, target) row's page views or bot hits.
   * @returns the row's counters (for visitors and referrers), or null when the request has no target.
   */
  private tally(time: number, bot: boolean, target: Target | null, pageView: boolean): Acc | null {
    if (time < this.minTime) this.minTime = time;
    if (time > this.maxTime) this.maxTime = time;
    const day = this.dayOf(time);
    if (bot) this.counts.botHits++;
    else if (pageView) this.counts.pageViews++;
    else this.counts.other++;
    if (!target) return null;
    if (day !== this.curDay) this.switchDay(day);
    const a = this.accOf(target);
    if (bot) a.botHits++;
    else if (pageView) a.pageViews++;
    return a;
  }

  /**
   * Hand this aggregation over as a {@link PartialAggregate} (instead of `finish()`): counters, visitor hashes (valid
   * only for an aggregator with the same `saltKey`), referrers, rejects as numbered here. The aggregator is done after.
   */
  exportPartial(): PartialAggregate {
    this.done = true;
    let n = 0;
    for (const m of this.byDay.values()) n += m.size;
    const nRefs = this.refs.size;
    let nHashes = 0;
    for (const pairs of this.pairsByDay.values()) nHashes += pairs.size;
    const p: PartialAggregate = {
      days: [...this.byDay.keys()],
      targetPaths: this.targetList.map((t) => t.path),
      targetKinds: this.targetList.map((t) => t.kind),
      hosts: this.hostNames.slice(),
      rowDay: new Int32Array(n),
      rowTarget: new Int32Array(n),
      pageViews: new Int32Array(n),
      botHits: new Int32Array(n),
      visitorStart: new Int32Array(n + 1),
      hashes: new Int32Array(nHashes),
      refTarget: new Int32Array(nRefs),
      refHost: new Int32Array(nRefs),
      refCounts: new Int32Array(nRefs),
      counts: { ...this.counts },
      rejects: this.rejects,
      minTime: this.minTime,
      maxTime: this.maxTime,
    };
    // Each row's position in the share, by its number; then its visitor hashes grouped by position (a counting sort).
    const position = new Int32Array(this.nextRowId);
    let i = 0;
    let d = 0;
    for (const m of this.byDay.values()) {
      for (const { target, pageViews, botHits, id, visitors } of m.values()) {
        position[id] = i;
        p.rowDay[i] = d;
        p.rowTarget[i] = target.id;
        p.pageViews[i] = pageViews;
        p.botHits[i] = botHits;
        // Count first, turned into start offsets below.
        p.visitorStart[i + 1] = visitors;
        i++;
      }
      d++;
    }
    for (let k = 1; k <= n; k++) p.visitorStart[k] += p.visitorStart[k - 1];
    const next = p.visitorStart.slice(0, n);
    for (const pairs of this.pairsByDay.values())
      pairs.forEach((id, hash) => {
        p.hashes[next[position[id]]++] = hash;
      });
    this.pairsByDay.clear();
    let r = 0;
    this.refs.forEach((target, host, count) => {
      p.refTarget[r] = target;
      p.refHost[r] = host;
      p.refCounts[r++] = count;
    });
    this.byDay.clear();
    this.refs.clear();
    return p;
  }

  /**
   * Add another aggregator's share (same time zone, same `saltKey`) to this one: page views, bot hits and referrer
   * counts add up; visitors are the union of both sides' hashes, so a visitor seen by both threads counts once.
   */
  mergePartial(p: PartialAggregate): void {
    if (this.done) throw new Error('TrafficAggregator.mergePartial called after finish()');
    if (this.merged) throw new Error('TrafficAggregator.mergePartial called twice');
    this.merged = true;
    // Days this thread never saw need no union: the share's own hashes are already distinct, so their count is
    // the visitors (the common case: threads read different chunks, so they share only the days at chunk edges).
    const ownDays = new Set(this.byDay.keys());
    // The share's targets and hosts as this aggregator's own, looked up once each.
    const targets = p.targetPaths.map((path, k) => this.canonOf(p.targetKinds[k], path));
    const hosts = p.hosts.map((host) => this.hostId(host));
    let rowDay = -1;
    let own = false;
    for (let i = 0; i < p.rowDay.length; i++) {
      if (p.rowDay[i] !== rowDay) {
        rowDay = p.rowDay[i];
        const day = p.days[rowDay];
        if (day !== this.curDay) this.switchDay(day);
        own = ownDays.has(day);
      }
      const a = this.accOf(targets[p.rowTarget[i]]);
      a.pageViews += p.pageViews[i];
      a.botHits += p.botHits[i];
      const from = p.visitorStart[i];
      const to = p.visitorStart[i + 1];
      if (to === from) continue;
      if (!own) a.visitors += to - from;
      else for (let j = from; j < to; j++) if (this.curPairs.add(a.id, p.hashes[j])) a.visitors++;
    }
    for (let r = 0; r < p.refCounts.length; r++) {
      this.addReferrer(targets[p.refTarget[r]], hosts[p.refHost[r]], p.refCounts[r]);
    }
    const c = this.counts;
    c.read += p.counts.read;
    c.pageViews += p.counts.pageViews;
    c.botHits += p.counts.botHits;
    c.rejected += p.counts.rejected;
    c.other += p.counts.other;
    for (const r of p.rejects) this.rejects.push(r);
    if (p.minTime < this.minTime) this.minTime = p.minTime;
    if (p.maxTime > this.maxTime) this.maxTime = p.maxTime;
  }

  /** Close the aggregation: emit rows, drop salts, hashes and caches. Call once. */
  finish(): AccessLogResult {
    this.done = true;
    // Sorted by day, then path: the distinct paths are ranked once, then each day's rows sort by rank (integers).
    this.rankTargets();
    const rows: DailyPathViews[] = [];
    // Each day's rows by rank: sort keys rank * 2^24 + position in the day, as numbers (no comparator calls).
    let keys = new Float64Array(0);
    let accs: Acc[] = [];
    for (const day of [...this.byDay.keys()].sort()) {
      const m = this.byDay.get(day) as Map<Target, Acc>;
      if (keys.length < m.size) keys = new Float64Array(m.size * 2);
      accs.length = 0;
      let n = 0;
      for (const a of m.values()) {
        keys[n] = a.target.rank * DAY_SLOTS + n;
        accs[n++] = a;
      }
      const sorted = keys.subarray(0, n).sort();
      for (let k = 0; k < n; k++) {
        const a = accs[sorted[k] % DAY_SLOTS];
        const { target } = a;
        rows.push({
          day,
          path: target.path,
          pageViews: a.pageViews,
          visitors: a.visitors,
          botHits: a.botHits,
          kind: target.kind,
        });
      }
    }
    accs = [];
    const referrers: PathReferrer[] = [];
    this.refs.forEach((target, host, pageViews) => {
      referrers.push({ path: this.targetList[target].path, referrer: this.hostNames[host], pageViews });
    });
    referrers.sort((x, y) => cmpText(x.path, y.path) || y.pageViews - x.pageViews || cmpText(x.referrer, y.referrer));
    this.byDay.clear();
    this.curMap = new Map();
    this.salts.clear();
    this.pairsByDay.clear();
    this.curSalt = 0;
    this.targets.clear();
    this.canon.clear();
    this.targetList.length = 0;
    this.refs.clear();
    this.refHosts.clear();
    this.uaCache.clear();
    this.targetCache.clear();
    this.refCache.clear();
    const firstDay = Number.isFinite(this.minTime) ? this.dayOf(this.minTime) : null;
    const lastDay = Number.isFinite(this.maxTime) ? this.dayOf(this.maxTime) : null;
    return { rows, referrers, counts: { ...this.counts }, rejects: this.rejects, firstDay, lastDay };
  }

  /** Rank every canonical target by path (ties: any order), for sorting rows without comparing strings per row. */
  private rankTargets(): void {
    const all: Target[] = [];
    for (const m of this.canon.values()) for (const t of m.values()) all.push(t);
    all.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    for (let i = 0; i < all.length; i++) all[i].rank = i;
  }

  /** The current day's counters of `target`, made (and numbered) on first use. */
  private accOf(target: Target): Acc {
    let a = this.curMap.get(target);
    if (!a) {
      a = { target, pageViews: 0, botHits: 0, visitors: 0, id: this.nextRowId++ };
      this.curMap.set(target, a);
    }
    return a;
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
      salt = daySalt(this.saltKey, day);
      this.salts.set(day, salt);
    }
    let pairs = this.pairsByDay.get(day);
    if (pairs === undefined) {
      pairs = new VisitorPairs();
      this.pairsByDay.set(day, pairs);
    }
    this.curDay = day;
    this.curMap = m;
    this.curSalt = salt;
    this.curPairs = pairs;
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
    this.addReferrer(target, this.hostId(host));
  }

  /** The id of a referrer host (numbered on first sight). */
  private hostId(host: string): number {
    let id = this.hostIds.get(host);
    if (id === undefined) {
      id = this.hostNames.length;
      this.hostNames.push(host);
      this.hostIds.set(host, id);
    }
    return id;
  }

  /** `n` (default 1) more page views of `target` from the referrer host with id `host`. */
  private addReferrer(target: Target, host: number, n = 1): void {
    this.refs.add(target.id, host, n);
  }

  /** Canonical (path, kind) of a raw target, memoized (query-string variants repeat a lot); null when it has no path. */
  private resolveTarget(raw: string): Target | null {
    let r = this.targets.get(raw);
    if (r !== undefined) return r;
    r = this.canonicalTarget(raw);
    if (this.targets.size >= TARGET_CACHE_LIMIT) this.targets.clear();
    this.targets.set(raw, r);
    return r;
  }

  /** The canonical (path, kind) of a raw target, uncached; null when it has no path. */
  private canonicalTarget(raw: string): Target | null {
    let r: Target | null;
    // Origin-form (`/x`) or absolute-form (`http://host/x`, proxies) targets only; `*`, `-` and junk have no path.
    if (raw.startsWith('/') || /^https?:\/\//i.test(raw)) {
      const path = requestPath(raw);
      r = this.canonOf(classifyPath(path, raw), path);
    } else r = null;
    return r;
  }

  /** The one canonical object of a (path, kind) pair. */
  private canonOf(kind: PathKind, path: string): Target {
    let byPath = this.canon.get(kind);
    if (!byPath) {
      byPath = new Map();
      this.canon.set(kind, byPath);
    }
    let r = byPath.get(path);
    if (!r) {
      r = { path, kind, rank: 0, id: this.targetList.length };
      byPath.set(path, r);
      this.targetList.push(r);
    }
    return r;
  }
}
