/** The real Apache fixture (elastic/examples, 10,000 lines, May 2015) against the facts in shared/fixtures/README.md. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DailyPathViews } from '../types';
import { type AccessLogResult, readAccessLog } from './access-log';

const LOG = path.resolve(__dirname, '../../../shared/fixtures/apache-combined-10k.log');
if (!existsSync(LOG)) console.warn(`skipping real access-log tests: ${LOG} not found (shared fixtures absent)`);

const BATTERY = '/blog/geekery/disabling-battery-in-ubuntu-vms.html';
const SSL = '/blog/geekery/ssl-latency.html';

function total(rows: DailyPathViews[], p: string, kind: DailyPathViews['kind'] = 'page') {
  const mine = rows.filter((r) => r.path === p && r.kind === kind);
  return {
    rows: mine.length,
    pageViews: mine.reduce((a, r) => a + r.pageViews, 0),
    botHits: mine.reduce((a, r) => a + r.botHits, 0),
  };
}

describe.skipIf(!existsSync(LOG))('apache-combined-10k.log', () => {
  let r: AccessLogResult;
  /** Client IPs of human page views per path, collected through the diagnostic hook (the result holds no IP). */
  const ipsByPath = new Map<string, Set<string>>();
  const requestsByPath = new Map<string, number>();
  let batteryWithQuery = 0;

  beforeAll(async () => {
    r = await readAccessLog(LOG, {
      timeZone: 'UTC',
      onHit: (hit, info) => {
        if (!info.path) return;
        requestsByPath.set(info.path, (requestsByPath.get(info.path) ?? 0) + 1);
        if (info.path === BATTERY && hit.target.includes('?')) batteryWithQuery++;
        if (!info.pageView) return;
        const s = ipsByPath.get(info.path) ?? new Set<string>();
        ipsByPath.set(info.path, s);
        s.add(hit.ip);
      },
    });
  });

  it('reads 10,000 lines, rejects only the truncated line 8899, and counts 3,009 bot hits', () => {
    expect(r.counts.read).toBe(10_000);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ file: 'apache-combined-10k.log', line: 8899 });
    expect(r.rejects[0].reason).toMatch(/truncated/);
    expect(r.counts.botHits).toBe(3009);
    expect(r.counts.read).toBe(r.counts.pageViews + r.counts.botHits + r.counts.other + r.counts.rejected);
    expect([r.firstDay, r.lastDay]).toEqual(['2015-05-17', '2015-05-20']);
  });

  it(`${BATTERY}: 60 requests, 12 human page views from 7 IPs, 48 bot hits, one path despite 52 query variants`, () => {
    expect(requestsByPath.get(BATTERY)).toBe(60);
    expect(batteryWithQuery).toBe(52);
    expect(total(r.rows, BATTERY)).toMatchObject({ pageViews: 12, botHits: 48 });
    expect(ipsByPath.get(BATTERY)?.size).toBe(7);
    expect(r.rows.filter((x) => x.path.includes('disabling-battery') && x.path !== BATTERY)).toEqual([]);
  });

  it(`${SSL}: 70 human page views from 43 IPs, 7 bot hits`, () => {
    expect(total(r.rows, SSL)).toMatchObject({ pageViews: 70, botHits: 7 });
    expect(ipsByPath.get(SSL)?.size).toBe(43);
  });

  it('/blog/tags/puppet?flav=rss20 is a feed: 488 bot hits, no page views', () => {
    expect(total(r.rows, '/blog/tags/puppet', 'feed')).toMatchObject({ pageViews: 0, botHits: 488 });
  });

  it('visitors per day never exceed page views, and the result holds no IP', () => {
    for (const x of r.rows) expect(x.visitors ?? 0).toBeLessThanOrEqual(x.pageViews);
    const sum = r.rows.reduce((a, x) => a + x.pageViews, 0);
    expect(sum).toBe(r.counts.pageViews);
    expect(JSON.stringify(r)).not.toContain('83.149.9.216');
  });
});
