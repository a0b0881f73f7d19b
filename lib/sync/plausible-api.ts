/**
 * Plausible Stats API v2 adapter: daily page views and visitors per page over a date range.
 *
 *     POST {baseUrl}/api/v2/query   Authorization: Bearer KEY
 *     { "site_id": "example.com", "metrics": ["pageviews", "visitors"], "dimensions": ["event:page", "time:day"],
 *       "date_range": ["2024-03-01", "2024-03-07"], "pagination": { "limit": 10000, "offset": 0 } }
 *   ->
 *     { "results": [{ "dimensions": ["/posts/x", "2024-03-01"], "metrics": [12, 9] }, ...], "meta": {...}, "query": {...} }
 *
 * Source: Plausible's Stats API v2 documentation (plausible.io/docs/stats-api, "query"). Days are in the site's time
 * zone as configured in Plausible; `visitors` with a `time:day` dimension are that day's unique visitors. Pages are
 * fetched 10,000 rows at a time until a short page. Plausible does not record bots: bot hits are 0.
 */
import { classifyPath, normalizePath } from '../paths';
import type { DailyPathViews } from '../types';

export interface PlausibleQuery {
  baseUrl: string;
  siteId: string;
  apiKey: string;
  /** First and last day, `YYYY-MM-DD`, inclusive. */
  firstDay: string;
  lastDay: string;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Rows per page (default 10,000, Plausible's maximum). */
  pageSize?: number;
  /** For tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
}

interface ResultRow {
  dimensions?: unknown[];
  metrics?: unknown[];
}

/**
 * Fetch daily page views and visitors per path. Repeated (day, path) pairs after normalization are summed (visitors
 * too: an approximation Plausible's own merged paths also make).
 * @returns rows per (day, normalized path, kind).
 * @throws Error with the HTTP status and Plausible's `error` message (401: key rejected, 400: bad query, 429: rate
 *   limit), or naming the field when the response does not have the documented shape. The API key never appears.
 */
export async function fetchPlausibleDaily(q: PlausibleQuery): Promise<DailyPathViews[]> {
  const doFetch = q.fetchImpl ?? fetch;
  const limit = q.pageSize ?? 10_000;
  const url = `${q.baseUrl.replace(/\/+$/, '')}/api/v2/query`;
  const byKey = new Map<string, DailyPathViews>();
  for (let offset = 0; ; offset += limit) {
    const body = {
      site_id: q.siteId,
      metrics: ['pageviews', 'visitors'],
      dimensions: ['event:page', 'time:day'],
      date_range: [q.firstDay, q.lastDay],
      pagination: { limit, offset },
    };
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${q.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(q.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new Error(`Plausible API ${url}: ${(err as Error).message}`, { cause: err });
    }
    const text = await res.text();
    if (!res.ok) {
      let detail = text.slice(0, 300);
      try {
        detail = String((JSON.parse(text) as { error?: unknown }).error ?? detail);
      } catch {
        // not JSON: keep the text
      }
      const hint = res.status === 401 ? ' (API key rejected: check the key and that it is a Stats API key)' : '';
      throw new Error(`Plausible API ${url}: HTTP ${res.status}${hint}: ${detail}`);
    }
    let json: { results?: unknown };
    try {
      json = JSON.parse(text) as { results?: unknown };
    } catch {
      throw new Error(`Plausible API ${url}: the response is not JSON`);
    }
    if (!Array.isArray(json.results)) throw new Error(`Plausible API ${url}: the response has no "results" array`);
    for (const [i, r] of (json.results as ResultRow[]).entries()) {
      const [page, day] = r.dimensions ?? [];
      const [pageviews, visitors] = r.metrics ?? [];
      if (typeof page !== 'string' || typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(day)) {
        throw new Error(`Plausible API ${url}: results[${offset + i}].dimensions is not [page, day]`);
      }
      if (typeof pageviews !== 'number' || typeof visitors !== 'number') {
        throw new Error(`Plausible API ${url}: results[${offset + i}].metrics is not [pageviews, visitors]`);
      }
      const path = normalizePath(page);
      const kind = classifyPath(path, page);
      const d = day.slice(0, 10);
      const key = `${d}\t${kind}\t${path}`;
      const prev = byKey.get(key);
      if (prev) {
        prev.pageViews += pageviews;
        prev.visitors = (prev.visitors ?? 0) + visitors;
      } else byKey.set(key, { day: d, path, kind, pageViews: pageviews, visitors, botHits: 0 });
    }
    if (json.results.length < limit) break;
  }
  return [...byKey.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.path < b.path ? -1 : 1));
}
