/**
 * The byte-level hot loop (./combined-bytes.ts, TrafficAggregator.addLineBytes) and the two-thread read
 * (./parallel-read.ts) must give exactly what the string parser and a sequential read give: field by field, row by
 * row, visitor by visitor, reject by reject (with its line number), on Tend's own odd lines, a generated log and the
 * shared Apache fixture.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ownFixture, sharedFile } from '../../db/test-helpers';
import { writeAccessLogFile } from '../../scripts/bench/gen-log';
import { ByteCache } from './byte-cache';
import { newByteFields, scanCombinedBytes } from './combined-bytes';
import { parseLogLineOrReason, splitRequest } from './log-line';
import { readAccessLog } from './read-access-log';
import { TrafficAggregator } from './traffic-aggregator';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
/** Lines of every shape: regular ones the fast path takes, and odd ones it must leave to the string parser. */
const ODD_LINES = [
  `192.0.2.1 - - [02/Mar/2024:08:00:01 +0000] "GET /a/ HTTP/1.1" 200 512 "https://news.example/x" "${UA}"`,
  `192.0.2.1 - - [02/Mar/2024:08:00:01 +0100] "GET /a/?utm_source=x HTTP/1.1" 304 - "-" "${UA}"`,
  '192.0.2.2 - - [02/Mar/2024:08:00:02 -0530] "GET /a/ HTTP/1.1" 200 512',
  `192.0.2.3 - alice [02/mar/2024:23:59:59 +0000] "HEAD /a/ HTTP/1.1" 200 0 "-" "${UA}"`,
  `192.0.2.4 - - [02/MAR/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "${UA}"`,
  `192.0.2.5 - - [02/Mar/2024:10:00:00 +0000] "GET /a/\\"quoted\\" HTTP/1.1" 200 5 "-" "${UA}"`,
  `192.0.2.6 - - [02/Mar/2024:10:00:00 +0000] "GET /a/"broken" HTTP/1.1" 200 5 "-" "${UA}"`,
  '192.0.2.7 - - [02/Mar/2024:10:00:00 +0000] "-" 408 0 "-" "-"',
  `192.0.2.8 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "${UA}" "10.0.0.1" 0.002`,
  `192.0.2.9 - - [02/Mar/2024:10:00:00 +0000] "GET /ünïcode/é HTTP/1.1" 200 5 "https://é.example/" "Ägent/1.0"`,
  `198.51.100.1 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "Mozilla/5.0 (compatible; GPTBot/1.2)"`,
  `192.0.2.10 - - [31/Feb/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "${UA}"`,
  `192.0.2.11 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 20x 5 "-" "${UA}"`,
  `192.0.2.12 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5k "-" "${UA}"`,
  `192.0.2.13 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "${UA}`,
  `192.0.2.14 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-"`,
  '192.0.2.15 - - [02/Mar/2024:10:00:00 +0000] "GET" 400 0 "-" "curl/8"',
  '192.0.2.16 - - [02/Mar/2024:10:00:00 +0000] "GET /only-target" 200 0 "-" "curl/8"',
  '192.0.2.17 - - [02/Mar/2024:10:00:00 +0000] "GET /a b HTTP/1.0" 200 0 "" ""',
  `[2001:db8::1] - - [02/Mar/2024:10:00:00 +0000] "GET http://blog.example/a/ HTTP/1.1" 200 5 "-" "${UA}"`,
  `192.0.2.18 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "${UA}"\r`,
  // Escapes in the user agent at an even and an odd offset (the scan hashes it two bytes at a time).
  '192.0.2.19 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "ab\\"cd"',
  '192.0.2.20 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "abc\\"d"',
  '192.0.2.21 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "abc\\\\"',
  '',
  '   ',
  '# a comment',
  ' 192.0.2.19 - - [02/Mar/2024:10:00:00 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "-"',
  'garbage',
];

describe('scanCombinedBytes', () => {
  it.each(ODD_LINES.map((l, i) => [i, l]))('line %i gives the string parser’s fields, or declines', (_, line) => {
    const buf = Buffer.from(`${line}\nnext line`);
    const end = buf.indexOf(10);
    const f = newByteFields();
    const ok = scanCombinedBytes(buf, 0, end, f);
    const hit = parseLogLineOrReason(line);
    if (!ok) return;
    // Whatever the fast path accepts, the string parser parses the same way.
    expect(typeof hit).toBe('object');
    if (typeof hit !== 'object') return;
    const text = (s: number, e: number) => buf.toString('utf8', s, e);
    expect(text(f.ipStart, f.ipEnd)).toBe(hit.ip);
    expect(f.time).toBe(hit.time);
    expect(f.status).toBe(hit.status);
    expect(text(f.methodStart, f.methodEnd)).toBe(hit.method);
    expect(text(f.targetStart, f.targetEnd)).toBe(hit.target);
    expect(f.refStart < 0 ? null : text(f.refStart, f.refEnd)).toBe(hit.referrer);
    expect(f.uaStart < 0 ? null : text(f.uaStart, f.uaEnd)).toBe(hit.userAgent);
  });

  it('takes the regular lines and declines escapes, bad fields, upper-case months and comments', () => {
    const taken = ODD_LINES.map((line) => {
      const buf = Buffer.from(line);
      return scanCombinedBytes(buf, 0, buf.length, newByteFields());
    });
    // Regular: plain combined, `-` bytes, common format, lower-case month, "-" request, extras, UTF-8, a bot.
    for (const i of [0, 1, 2, 3, 7, 8, 9, 10, 16, 17, 18, 19, 20]) expect(taken[i], ODD_LINES[i]).toBe(true);
    // The string parser decides: upper-case month, escapes, an unescaped quote, a bad date/status/byte count,
    // truncated quotes, blank and comment lines, a leading space, garbage.
    for (const i of [4, 5, 6, 11, 12, 13, 14, 15, 21, 22, 23, 24, 25]) expect(taken[i], ODD_LINES[i]).toBe(false);
    expect(splitRequest('GET /a b HTTP/1.0')).toEqual(['GET', '/a b', 'HTTP/1.0']);
  });
});

describe('scanCombinedBytes stays within the line', () => {
  it('declines a line cut after the request even when the buffer goes on with a status', () => {
    // A reused read buffer: the line ends at the request's closing quote; " 200 ..." is stale bytes of a former read.
    const buf = Buffer.from(`192.0.2.1 - - [02/Mar/2024:08:00:01 +0000] "GET /a/ HTTP/1.1" 200 5 "-" "${UA}"`);
    const end = buf.indexOf('" 200') + 1;
    expect(scanCombinedBytes(buf, 0, end, newByteFields())).toBe(false);
    expect(typeof parseLogLineOrReason(buf.toString('utf8', 0, end))).toBe('string');
  });
});

describe('ByteCache', () => {
  it('keeps keys that differ in one byte apart, computes each once, and stays bounded', () => {
    let calls = 0;
    const cache = new ByteCache<string>((t) => {
      calls++;
      return t.toUpperCase();
    }, 4);
    const buf = Buffer.from('abc abd abc é ab abc');
    expect(cache.get(buf, 0, 3)).toBe('ABC');
    expect(cache.get(buf, 4, 7)).toBe('ABD');
    expect(cache.get(buf, 8, 11)).toBe('ABC');
    expect(calls).toBe(2);
    // Computed from the key decoded as UTF-8 (two bytes, one character).
    expect(cache.get(buf, 12, 14)).toBe('É');
    expect(cache.get(buf, 15, 17)).toBe('AB');
    expect(cache.get(buf, 18, 21)).toBe('ABC');
    expect(calls).toBe(4);
    // Full (4 keys): the next new key clears it, so `abc` is computed again after it.
    expect(cache.get(buf, 1, 2)).toBe('B');
    expect(cache.get(buf, 0, 3)).toBe('ABC');
    expect(calls).toBe(6);
  });

  it('tells apart keys that differ in any one byte, at even and odd positions and in an odd last byte', () => {
    const base = Buffer.from('Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0');
    const cache = new ByteCache<string>((t) => t, 100_000);
    const keys = new Set<string>();
    // Every one-byte change of the user agent, and of its prefixes of odd and even length (the step takes two bytes).
    for (const len of [base.length, base.length - 1, 7, 8]) {
      for (let pos = 0; pos < len; pos++) {
        for (const b of [0x20, 0x30, 0x41, 0x61, 0x7a, 0xc3]) {
          const key = Buffer.from(base.subarray(0, len));
          key[pos] = b;
          keys.add(key.toString('latin1'));
          // Each key read back is itself, never another key that hashed the same.
          expect(cache.get(key, 0, len)).toBe(key.toString('utf8'));
        }
      }
    }
    expect(keys.size).toBeGreaterThan(800);
  });
});

/** Aggregate lines one by one through the string path and through the byte path, with one salt key. */
function bothPaths(lines: string[], ownHosts = new Set(['blog.example'])) {
  const a = new TrafficAggregator({ timeZone: 'Europe/Berlin', file: 't.log', ownHosts, saltKey: 42 });
  const b = new TrafficAggregator({ timeZone: 'Europe/Berlin', file: 't.log', ownHosts, saltKey: 42 });
  const buf = Buffer.from(lines.join('\n'));
  let pos = 0;
  for (const [i, line] of lines.entries()) {
    a.addLine(line, i + 1);
    const len = Buffer.byteLength(line);
    b.addLineBytes(buf, pos, pos + len, i + 1);
    pos += len + 1;
  }
  return [a.finish(), b.finish()];
}

describe('TrafficAggregator: bytes and strings count the same', () => {
  it('on the odd lines', () => {
    const [a, b] = bothPaths(ODD_LINES);
    expect(b).toEqual(a);
    expect(a.counts.rejected).toBeGreaterThan(3);
    expect(a.counts.pageViews).toBeGreaterThan(3);
  });

  it('on Tend’s own small log and the e2e log', () => {
    for (const f of [ownFixture('traffic', 'small-combined.log'), ownFixture('e2e', 'access.log')]) {
      const [a, b] = bothPaths(fs.readFileSync(f, 'utf8').split('\n'));
      expect(b).toEqual(a);
      expect(a.rows.length).toBeGreaterThan(0);
    }
  });

  const apache = sharedFile('fixtures', 'apache-combined-10k.log');
  it.skipIf(!apache.exists)('on the shared Apache fixture (10,000 lines)', () => {
    const [a, b] = bothPaths(fs.readFileSync(apache.path, 'utf8').split('\n'));
    expect(b).toEqual(a);
    expect(a.counts.read).toBeGreaterThan(9000);
  });
});

describe('readAccessLog on two threads', () => {
  let dir: string;
  let log: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-par-'));
    log = path.join(dir, 'access.log');
    const posts = Array.from({ length: 40 }, (_, i) => ({ path: `/2024/01/post-${i}`, publishedDay: '2024-01-01' }));
    await writeAccessLogFile(posts, { file: log, lines: 30_000, days: 20, endDay: '2024-03-31', seed: 5 });
    // Odd lines in the middle and a last line without its newline.
    const text = fs.readFileSync(log, 'utf8').split('\n');
    text.splice(10_000, 0, ...ODD_LINES);
    fs.writeFileSync(log, `${text.join('\n').replace(/\n$/, '')}\n${ODD_LINES[0]}`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const read = (parallel: false | { minBytes: number; chunkBytes: number; workerEntry?: string }, extra = {}) =>
    readAccessLog(log, { timeZone: 'Europe/Berlin', ownHosts: new Set(['bench.example']), parallel, ...extra });
  /** Visitors are counted under a random salt per read: compare everything else exactly, visitors by total. */
  const strip = (r: Awaited<ReturnType<typeof read>>) => ({ ...r, rows: r.rows.map((x) => ({ ...x, visitors: 0 })) });
  const visitors = (r: Awaited<ReturnType<typeof read>>) => r.rows.reduce((s, x) => s + (x.visitors ?? 0), 0);

  it('gives the sequential read’s rows, referrers, counts, rejects (line numbers), lines and end offset', async () => {
    const seq = await read(false);
    // Small chunks put hundreds of lines on chunk boundaries.
    const par = await read({ minBytes: 0, chunkBytes: 64 * 1024 });
    expect(seq.counts.read).toBeGreaterThan(30_000);
    expect(seq.rejects.length).toBeGreaterThan(5);
    expect(par.threads).toBe(2);
    expect(seq.threads).toBe(1);
    expect(strip(par)).toEqual({ ...strip(seq), threads: 2 });
    // 32-bit visitor hashes may merge a pair in a few hundred thousand; here there are a few thousand.
    expect(visitors(seq)).toBeGreaterThan(5000);
    expect(Math.abs(visitors(par) - visitors(seq))).toBeLessThanOrEqual(2);
  });

  it('resumes from an offset and leaves an unfinished last line, like the sequential read', async () => {
    const size = fs.statSync(log).size;
    const start = fs.readFileSync(log).indexOf(10, Math.floor(size / 3)) + 1;
    const opts = { startOffset: start, firstLineNo: 501, completeLinesOnly: true };
    const seq = await read(false, opts);
    const par = await read({ minBytes: 0, chunkBytes: 32 * 1024 }, opts);
    expect(strip(par)).toEqual({ ...strip(seq), threads: 2 });
    expect(seq.endOffset).toBeLessThan(size);
  });

  it('reads a log rotated between the two threads’ opens on the main thread alone, losing nothing', async () => {
    const seq = await read(false);
    const rotated = path.join(dir, 'rotated.log');
    fs.copyFileSync(log, rotated);
    const open = fs.openSync;
    let done = false;
    // logrotate right after the main thread opened the file: renamed away, a new one-line file in its place.
    const spy = vi.spyOn(fs, 'openSync').mockImplementation((p, ...rest) => {
      const fd = open(p, ...(rest as [fs.OpenMode]));
      if (!done && p === rotated) {
        done = true;
        fs.renameSync(rotated, `${rotated}.1`);
        fs.writeFileSync(rotated, `${ODD_LINES[0]}\n`);
      }
      return fd;
    });
    try {
      const r = await readAccessLog(rotated, {
        timeZone: 'Europe/Berlin',
        ownHosts: new Set(['bench.example']),
        parallel: { minBytes: 0, chunkBytes: 64 * 1024 },
      });
      expect(done).toBe(true);
      expect(r.threads).toBe(1);
      const named = (x: typeof r) => ({ ...strip(x), rejects: x.rejects.map((j) => ({ ...j, file: 'x' })) });
      expect(named(r)).toEqual(named(seq));
    } finally {
      spy.mockRestore();
    }
  });

  it('reads every chunk on the main thread when the worker cannot start', async () => {
    const seq = await read(false);
    const one = await read({ minBytes: 0, chunkBytes: 64 * 1024, workerEntry: path.join(dir, 'no-such-worker.cjs') });
    expect(one.threads).toBe(1);
    expect(strip(one)).toEqual(strip(seq));
  });
});
