/** The Plausible Stats API v2 adapter against a local HTTP server (node:http on 127.0.0.1) answering the documented shape. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPlausibleDaily } from './plausible-api';

interface Seen {
  auth: string | undefined;
  body: Record<string, unknown>;
}
const seen: Seen[] = [];
/** Rows the fake server serves, as Plausible would: [page, day] dimensions, [pageviews, visitors] metrics. */
const ROWS = [
  { dimensions: ['/posts/a/', '2024-03-01'], metrics: [10, 7] },
  { dimensions: ['/posts/a?utm_source=x', '2024-03-01'], metrics: [2, 2] },
  { dimensions: ['/posts/b', '2024-03-02'], metrics: [5, 4] },
  { dimensions: ['/feed/', '2024-03-02'], metrics: [1, 1] },
  { dimensions: ['/posts/a', '2024-03-03'], metrics: [3, 3] },
];
let mode: 'ok' | 'unauthorized' | 'bad-shape' | 'html' = 'ok';

const server = http.createServer((req, res) => {
  let data = '';
  req.on('data', (c) => {
    data += c;
  });
  req.on('end', () => {
    const body = JSON.parse(data) as Record<string, unknown>;
    seen.push({ auth: req.headers.authorization, body });
    res.setHeader('content-type', 'application/json');
    if (req.method !== 'POST' || req.url !== '/api/v2/query') {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    if (mode === 'unauthorized') {
      res.statusCode = 401;
      res.end(
        JSON.stringify({
          error:
            'Invalid API key or site ID. Please make sure you are using a valid API key with access to the site you are requesting.',
        }),
      );
      return;
    }
    if (mode === 'html') {
      res.setHeader('content-type', 'text/html');
      res.end('<html>maintenance</html>');
      return;
    }
    const { limit, offset } = body.pagination as { limit: number; offset: number };
    const results =
      mode === 'bad-shape' ? [{ dimensions: ['/x'], metrics: [1, 1] }] : ROWS.slice(offset, offset + limit);
    res.end(
      JSON.stringify({
        results,
        meta: {},
        query: { ...body, date_range: ['2024-03-01T00:00:00Z', '2024-03-03T23:59:59Z'] },
      }),
    );
  });
});

let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const query = (extra: object = {}) => ({
  baseUrl: `${base}/`,
  siteId: 'allotment.example',
  apiKey: 'test-key-123',
  firstDay: '2024-03-01',
  lastDay: '2024-03-03',
  ...extra,
});

describe('fetchPlausibleDaily', () => {
  it('asks for pageviews and visitors by page and day over the range, with the key as a bearer token', async () => {
    mode = 'ok';
    seen.length = 0;
    await fetchPlausibleDaily(query());
    expect(seen[0].auth).toBe('Bearer test-key-123');
    expect(seen[0].body).toMatchObject({
      site_id: 'allotment.example',
      metrics: ['pageviews', 'visitors'],
      dimensions: ['event:page', 'time:day'],
      date_range: ['2024-03-01', '2024-03-03'],
      pagination: { limit: 10000, offset: 0 },
    });
  });

  it('normalizes and sums paths per day, classifies feeds, and pages through results', async () => {
    mode = 'ok';
    seen.length = 0;
    const rows = await fetchPlausibleDaily(query({ pageSize: 2 }));
    expect(seen.map((s) => (s.body.pagination as { offset: number }).offset)).toEqual([0, 2, 4]);
    expect(rows).toEqual([
      { day: '2024-03-01', path: '/posts/a', kind: 'page', pageViews: 12, visitors: 9, botHits: 0 },
      { day: '2024-03-02', path: '/feed', kind: 'feed', pageViews: 1, visitors: 1, botHits: 0 },
      { day: '2024-03-02', path: '/posts/b', kind: 'page', pageViews: 5, visitors: 4, botHits: 0 },
      { day: '2024-03-03', path: '/posts/a', kind: 'page', pageViews: 3, visitors: 3, botHits: 0 },
    ]);
  });

  it.each([
    ['unauthorized', /HTTP 401 \(API key rejected.*\): Invalid API key/],
    ['bad-shape', /results\[0\]\.dimensions is not \[page, day\]/],
    ['html', /not JSON/],
  ] as const)('%s is a clear error without the key in it', async (m, re) => {
    mode = m;
    const err = await fetchPlausibleDaily(query()).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(re);
    expect((err as Error).message).not.toContain('test-key-123');
  });

  it('an unreachable server is a clear error', async () => {
    const err = await fetchPlausibleDaily(query({ baseUrl: 'http://127.0.0.1:1' })).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^Plausible API http:\/\/127\.0\.0\.1:1\/api\/v2\/query: /);
  });
});
