import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBotUserAgent } from '../../lib/bots';
import { parseLogLine } from '../../lib/traffic/log-line';
import { writeAccessLogFile } from './gen-log';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bench-log-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const posts = [
  { path: '/2024/01/old-post-1', publishedDay: '2024-01-10' },
  { path: '/2025/05/newer-post-2', publishedDay: '2025-05-02' },
  { path: '/2025/06/late-post-3', publishedDay: '2025-06-29' },
];
const opts = { lines: 6000, days: 30, endDay: '2025-06-30', seed: 42 };

describe('writeAccessLogFile', () => {
  it('writes exactly the lines asked for, every one a combined log line, in time order', async () => {
    const file = path.join(dir, 'a.log');
    const r = await writeAccessLogFile(posts, { ...opts, file });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe(''); // newline-terminated
    expect(lines).toHaveLength(6000);
    expect(r.lines).toBe(6000);
    expect(r.bytes).toBe(fs.statSync(file).size);
    const hits = lines.map((l) => parseLogLine(l));
    expect(hits.every((h) => h !== null && h.userAgent !== null)).toBe(true);
    const times = hits.map((h) => h?.time ?? 0);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    expect(new Date(times[0]).toISOString().slice(0, 10)).toBe('2025-06-01');
    expect(new Date(times[times.length - 1]).toISOString().slice(0, 10)).toBe('2025-06-30');
  });

  it('has about 20% bot lines (by the same bot check the importer uses), query strings and unpublished posts left alone', async () => {
    const file = path.join(dir, 'b.log');
    const r = await writeAccessLogFile(posts, { ...opts, file });
    const hits = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => parseLogLine(l));
    const bots = hits.filter((h) => h?.userAgent && isBotUserAgent(h.userAgent)).length;
    expect(bots / hits.length).toBeGreaterThan(0.17);
    expect(bots / hits.length).toBeLessThan(0.23);
    expect(bots).toBe(r.botLines);
    expect(hits.some((h) => h?.target.includes('?utm_source='))).toBe(true);
    expect(hits.some((h) => h?.target.includes('?fbclid='))).toBe(true);
    // The third post is published on 2025-06-29: no request for it before that day.
    const early = hits.filter((h) => h?.target.startsWith('/2025/06/late-post-3') && h.time < Date.UTC(2025, 5, 29));
    expect(early).toEqual([]);
  });

  it('is the same file for the same seed and another for another seed', async () => {
    const a = path.join(dir, 'c1.log');
    const b = path.join(dir, 'c2.log');
    const c = path.join(dir, 'c3.log');
    await writeAccessLogFile(posts, { ...opts, lines: 500, file: a });
    await writeAccessLogFile(posts, { ...opts, lines: 500, file: b });
    await writeAccessLogFile(posts, { ...opts, lines: 500, file: c, seed: 43 });
    expect(fs.readFileSync(a, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));
    expect(fs.readFileSync(a, 'utf8')).not.toBe(fs.readFileSync(c, 'utf8'));
  });

  it('refuses a period before any post was published', async () => {
    await expect(
      writeAccessLogFile(posts, { ...opts, endDay: '2023-12-31', file: path.join(dir, 'd.log') }),
    ).rejects.toThrow(/no post is published by 2023-12-02/);
  });
});
