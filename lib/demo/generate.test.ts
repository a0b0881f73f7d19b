import { existsSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBotUserAgent } from '../bots';
import { parseFeed } from '../posts/feed';
import { TrafficAggregator } from '../traffic/access-log';
import { type DemoBlog, ESCAPE_TEST_TITLE, generateDemoBlog, LOG_DAYS } from './generate';

const END_DAY = '2025-09-30';
const END_MS = Date.UTC(2025, 8, 30);
const DAY = 86_400_000;
/** Apache combined format, as the demo writes it (UTC timestamps). */
const COMBINED =
  /^(\S+) - - \[(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) \+0000\] "(GET|HEAD|POST) (\S+) HTTP\/(?:1\.1|2\.0)" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)"$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DOC_IP = /^(?:192\.0\.2\.|198\.51\.100\.|203\.0\.113\.)\d{1,3}$|^2001:db8:/i;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('generateDemoBlog', () => {
  let blog: DemoBlog;
  let lines: string[];
  beforeAll(() => {
    blog = generateDemoBlog({ seed: 42, endDay: END_DAY });
    lines = blog.accessLog.trimEnd().split('\n');
  });

  it('is deterministic: same seed and endDay give byte-identical output; another seed differs', () => {
    const again = generateDemoBlog({ seed: 42, endDay: END_DAY });
    expect(again.feedXml).toBe(blog.feedXml);
    expect(again.accessLog).toBe(blog.accessLog);
    expect(again.labels).toEqual(blog.labels);
    expect(again.annotations).toEqual(blog.annotations);
    const other = generateDemoBlog({ seed: 43, endDay: END_DAY });
    expect(other.feedXml).not.toBe(blog.feedXml);
    expect(other.accessLog).not.toBe(blog.accessLog);
  });

  it.each(['2025-02-30', '30/09/2025', ''])('rejects endDay %j', (endDay) => {
    expect(() => generateDemoBlog({ seed: 1, endDay })).toThrow(/endDay/);
  });

  it('has at least 60 posts spanning three years up to endDay, mixed about 55/20/25', () => {
    const times = blog.posts.map((p) => p.publishedMs);
    expect(blog.posts.length).toBeGreaterThanOrEqual(60);
    expect(Math.min(...times)).toBeLessThanOrEqual(END_MS - 3 * 365 * DAY);
    expect(Math.max(...times)).toBeGreaterThan(END_MS - 30 * DAY);
    expect(Math.max(...times)).toBeLessThan(END_MS + DAY);
    const share = (k: string) => blog.posts.filter((p) => p.kind === k).length / blog.posts.length;
    expect(share('human')).toBeCloseTo(0.55, 1);
    expect(share('ai-assisted')).toBeCloseTo(0.2, 1);
    expect(share('ai-generated')).toBeCloseTo(0.25, 1);
    // The story: the first two years are human only.
    const firstAi = Math.min(...blog.posts.filter((p) => p.kind !== 'human').map((p) => p.publishedMs));
    expect(firstAi).toBeGreaterThan(END_MS - 366 * DAY);
  });

  it('labels about 80% of posts with their true kind, by canonical path', () => {
    const byPath = new Map(blog.posts.map((p) => [p.path, p.kind]));
    const nulls = blog.labels.filter((l) => l.label === null).length / blog.labels.length;
    expect(nulls).toBeGreaterThan(0.1);
    expect(nulls).toBeLessThan(0.3);
    expect(new Set(blog.labels.map((l) => l.label))).toEqual(new Set(['human', 'ai-assisted', 'ai-generated', null]));
    for (const l of blog.labels) {
      expect(byPath.has(l.path)).toBe(true);
      if (l.label !== null) expect(l.label).toBe(byPath.get(l.path));
    }
  });

  it('annotates the first AI-assisted and AI-generated days', () => {
    const dayOf = (k: string) => new Date(blog.posts.find((p) => p.kind === k)!.publishedMs).toISOString().slice(0, 10);
    expect(blog.annotations).toContainEqual({ day: dayOf('ai-assisted'), text: 'Started AI-assisted posts' });
    expect(blog.annotations).toContainEqual({ day: dayOf('ai-generated'), text: 'First fully AI-generated post' });
    const days = blog.annotations.map((a) => a.day);
    expect(days).toEqual([...days].sort());
  });

  it('writes a well-formed RSS 2.0 feed: every item has a title, link and pubDate', () => {
    expect(XMLValidator.validate(blog.feedXml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'item' }).parse(blog.feedXml);
    expect(doc.rss['@_version']).toBe('2.0');
    const items = doc.rss.channel.item as Record<string, unknown>[];
    expect(items).toHaveLength(blog.posts.length);
    for (const it of items) {
      expect(String(it.title ?? '')).not.toBe('');
      expect(String(it.link)).toMatch(/^https:\/\/fieldnotes\.example\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/);
      expect(String(it.pubDate)).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    }
  });

  it('round-trips through the real feed importer: titles (escaping), paths, dates, length, 11:00 AI posts', () => {
    const { records, rejects, warnings } = parseFeed(blog.feedXml, { file: 'demo.xml', timeZone: 'UTC' });
    expect(rejects).toEqual([]);
    expect(warnings).toEqual([]);
    const byPath = new Map(records.map((r) => [r.path, r]));
    for (const p of blog.posts) {
      const r = byPath.get(p.path)!;
      expect(r.title).toBe(p.title);
      expect(r.publishedAt).toBe(new Date(p.publishedMs).toISOString());
      expect(r.aliases.some((a) => a.endsWith(`?p=${p.id}`))).toBe(true);
      expect(r.authorshipHint).toBeNull();
      expect(r.wordCount).toBeGreaterThanOrEqual(320);
      if (p.kind === 'ai-generated') expect(r.publishedAt).toMatch(/T11:00:00\.000Z$/);
      if (p.kind === 'human') expect(r.publishedAt).not.toMatch(/:00:00\.000Z$/);
    }
    expect(records.map((r) => r.title)).toContain(ESCAPE_TEST_TITLE);
  });

  it('writes a chronological combined log of the last LOG_DAYS days (all posts from their first day), 150k-250k lines, documentation IPs only', () => {
    expect(lines.length).toBeGreaterThanOrEqual(150_000);
    expect(lines.length).toBeLessThanOrEqual(250_000);
    // Collect the offending lines instead of one expect per line (100k expects are slow and unreadable).
    const bad: string[] = [];
    let prev = 0;
    const days = new Set<string>();
    for (const line of lines) {
      const m = COMBINED.exec(line);
      const t = m ? Date.UTC(+m[4], MONTHS.indexOf(m[3]), +m[2], +m[5], +m[6], +m[7]) : Number.NaN;
      if (!m) bad.push(`format: ${line}`);
      else if (!DOC_IP.test(m[1])) bad.push(`address: ${line}`);
      else if (!(t >= prev)) bad.push(`order: ${line}`);
      else {
        prev = t;
        days.add(`${m[4]}-${m[3]}-${m[2]}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(days.size).toBe(LOG_DAYS);
    expect(new Date(prev).toISOString().slice(0, 10)).toBe(END_DAY);
  });

  it('has 10-30% bot lines and the request mix a real blog has', () => {
    const parsed = lines.map((l) => COMBINED.exec(l)!);
    const bots = parsed.filter((m) => isBotUserAgent(m[13])).length / parsed.length;
    expect(bots).toBeGreaterThan(0.1);
    expect(bots).toBeLessThan(0.3);
    const postRe = /^\/\d{4}\/\d{2}\/[a-z0-9-]+\/?(\?.*)?$/;
    const postGets = parsed.filter((m) => m[8] === 'GET' && postRe.test(m[9]) && !isBotUserAgent(m[13]));
    const withQuery = postGets.filter((m) => m[9].includes('?')).length / postGets.length;
    expect(withQuery).toBeGreaterThan(0.08);
    expect(withQuery).toBeLessThan(0.25);
    expect(postGets.some((m) => !m[9].endsWith('/') && m[10] === '200')).toBe(true);
    const count = (f: (m: RegExpExecArray) => boolean) => parsed.filter(f).length;
    expect(count((m) => m[10] === '301')).toBeGreaterThan(10);
    expect(count((m) => m[10] === '404')).toBeGreaterThan(10);
    expect(count((m) => m[8] === 'HEAD')).toBeGreaterThan(10);
    expect(count((m) => m[8] === 'POST' && m[9] === '/wp-login.php')).toBeGreaterThan(10);
    expect(count((m) => m[9] === '/feed/')).toBeGreaterThan(100);
    expect(count((m) => m[9] === '/' && m[8] === 'GET')).toBeGreaterThan(1000);
    expect(
      count((m) => /\.(css|js|jpg|png|ico|woff2)(\?|$)/.test(m[9]) && /\/\d{4}\/\d{2}\//.test(m[12])),
    ).toBeGreaterThan(1000);
    for (const ua of ['Googlebot', 'bingbot', 'GPTBot', 'ClaudeBot', 'AhrefsBot', 'curl/']) {
      expect(
        count((m) => m[13].includes(ua)),
        ua,
      ).toBeGreaterThan(50);
    }
    expect(count((m) => m[13] === '-')).toBeGreaterThan(50);
  });

  it('gives human essays more page views than AI posts, counted by the real log aggregator', () => {
    const agg = new TrafficAggregator({ timeZone: 'UTC', file: 'demo.log' });
    for (const [i, line] of lines.entries()) agg.addLine(line, i + 1);
    const { rows, counts } = agg.finish();
    expect(counts.rejected).toBe(0);
    const views = new Map<string, number>();
    for (const r of rows) if (r.kind === 'page') views.set(r.path, (views.get(r.path) ?? 0) + r.pageViews);
    const of = (human: boolean) =>
      blog.posts.filter((p) => (p.kind === 'human') === human).map((p) => views.get(p.path) ?? 0);
    const [humanMedian, aiMedian] = [median(of(true)), median(of(false))];
    console.log(`demo: median page views per post over the log, human ${humanMedian}, AI ${aiMedian}`);
    expect(humanMedian).toBeGreaterThan(2 * aiMedian);
    // The two semi-viral essays are the two most-read posts.
    const top = [...blog.posts].sort((a, b) => (views.get(b.path) ?? 0) - (views.get(a.path) ?? 0)).slice(0, 2);
    expect(top.every((p) => p.viral)).toBe(true);
  });

  const suggestPath = path.resolve(__dirname, '../authorship/suggest.ts');
  it.skipIf(!existsSync(suggestPath))(
    'the authorship suggester agrees with >= 80% of posts (human vs any AI)',
    async () => {
      const { suggestAuthorship } = await import('../authorship/suggest');
      const { records } = parseFeed(blog.feedXml, { file: 'demo.xml', timeZone: 'UTC' });
      const kind = new Map(blog.posts.map((p) => [p.path, p.kind]));
      let agree = 0;
      for (const r of records) {
        const s = suggestAuthorship({ title: r.title, content: r.content, publishedAt: r.publishedAt });
        if (s.label !== null && (s.label === 'human') === (kind.get(r.path) === 'human')) agree++;
      }
      console.log(`demo: authorship suggester agrees on ${agree}/${records.length} posts`);
      expect(agree / records.length).toBeGreaterThanOrEqual(0.8);
    },
  );
});
