import { describe, expect, it } from 'vitest';
import { DIRECT, INTERNAL, isBotHit, ownHostsOf, referrerHost } from './counting-rules';
import { TrafficAggregator } from './traffic-aggregator';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const own = ownHostsOf('https://www.allotment.example/blog');

describe('referrerHost (rule 4)', () => {
  it.each([
    [null, DIRECT],
    ['-', DIRECT],
    ['', DIRECT],
    ['https://news.ycombinator.com/item?id=1', 'news.ycombinator.com'],
    ['https://www.Google.com/', 'google.com'],
    ['http://user:pw@example.org:8080/x', 'example.org'],
    ['https://allotment.example/2024/03/x/', INTERNAL],
    ['https://www.allotment.example/', INTERNAL],
    ['android-app://com.google.android.gm/', 'com.google.android.gm'],
    ['not a url', '(other)'],
    ['https://[2001:db8::1]:443/', '[2001:db8::1]'],
  ])('%j -> %s', (ref, host) => {
    expect(referrerHost(ref, own)).toBe(host);
  });

  it('own hosts come from site URLs with or without scheme and www', () => {
    expect([...ownHostsOf('https://www.a.example', 'b.example/blog', '', null, '::bad::')].sort()).toEqual([
      'a.example',
      'b.example',
    ]);
  });
});

describe('isBotHit (rule 2)', () => {
  it.each([
    ['GPTBot/1.2', true],
    ['Mozilla/5.0 (compatible; ClaudeBot/1.0)', true],
    ['-', true],
    [UA, false],
    [null, false],
  ])('%j -> %s', (ua, bot) => {
    expect(isBotHit(ua)).toBe(bot);
  });
});

describe('TrafficAggregator referrers', () => {
  it('counts human page views per (page path, referrer host); bots, assets, feeds and non-GET never', () => {
    const agg = new TrafficAggregator({ timeZone: 'UTC', file: 't.log', ownHosts: own });
    const line = (path: string, ref: string, ua = UA, method = 'GET', status = 200) =>
      `192.0.2.1 - - [02/Mar/2024:10:00:00 +0000] "${method} ${path} HTTP/1.1" ${status} 5 "${ref}" "${ua}"`;
    [
      line('/a/', 'https://news.example/x'),
      line('/a?utm=1', 'https://news.example/y'),
      line('/a', '-'),
      line('/a', 'https://www.allotment.example/b'),
      line('/a', 'https://news.example/', 'GPTBot/1.2'),
      line('/a/style.css', 'https://allotment.example/a'),
      line('/feed/', 'https://news.example/'),
      line('/a', 'https://news.example/', UA, 'HEAD'),
      line('/a', 'https://news.example/', UA, 'GET', 301),
      line('/b', 'https://social.example/@me'),
    ].forEach((l, i) => {
      agg.addLine(l, i + 1);
    });
    const r = agg.finish();
    expect(r.referrers).toEqual([
      { path: '/a', referrer: 'news.example', pageViews: 2 },
      { path: '/a', referrer: DIRECT, pageViews: 1 },
      { path: '/a', referrer: INTERNAL, pageViews: 1 },
      { path: '/b', referrer: 'social.example', pageViews: 1 },
    ]);
    // The referrers of a path add up to its page views.
    const pv = r.rows.filter((x) => x.path === '/a' && x.kind === 'page').reduce((a, x) => a + x.pageViews, 0);
    expect(r.referrers.filter((x) => x.path === '/a').reduce((a, x) => a + x.pageViews, 0)).toBe(pv);
  });
});
