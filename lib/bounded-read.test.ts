import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BoundedLineSplitter,
  checkInflation,
  firstNonBlankLine,
  InflateLimitError,
  LineTooLongError,
  openMaybeGzip,
} from './bounded-read';
import { GZIP_RATIO_CHECK_AFTER_BYTES, MAX_DECOMPRESSED_BYTES, MAX_GZIP_RATIO } from './limits';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bounded-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function split(chunks: string[], max = 1024): string[] {
  const lines: string[] = [];
  const s = new BoundedLineSplitter((l) => lines.push(l), max);
  for (const c of chunks) s.push(Buffer.from(c));
  s.end();
  return lines;
}

describe('BoundedLineSplitter', () => {
  it('splits like readline: \\n and \\r\\n, empty lines kept, no empty last line', () => {
    expect(split(['a\nb\r\n\nc'])).toEqual(['a', 'b', '', 'c']);
    expect(split(['a\n'])).toEqual(['a']);
    expect(split(['ab', 'c\r', '\nd', 'e\n'])).toEqual(['abc', 'de']);
    expect(split([])).toEqual([]);
  });
  it('decodes UTF-8 split across chunks', () => {
    const bytes = Buffer.from('häst\nöl\n');
    const lines: string[] = [];
    const s = new BoundedLineSplitter((l) => lines.push(l));
    for (let i = 0; i < bytes.length; i++) s.push(bytes.subarray(i, i + 1));
    s.end();
    expect(lines).toEqual(['häst', 'öl']);
  });
  it('numbers lines from 1', () => {
    const seen: number[] = [];
    const s = new BoundedLineSplitter((_l, n) => seen.push(n));
    s.push(Buffer.from('x\ny\nz'));
    s.end();
    expect(seen).toEqual([1, 2, 3]);
  });
  it('throws as soon as a line passes the limit, in one chunk or across chunks, naming the line', () => {
    expect(() => split(['ok\n', 'x'.repeat(11)], 10)).toThrow(LineTooLongError);
    expect(() => split(['ok\n', 'x'.repeat(11)], 10)).toThrow(/line 2 is longer than 10 bytes/);
    const s = new BoundedLineSplitter(() => {}, 10);
    s.push(Buffer.from('12345'));
    expect(() => s.push(Buffer.from('678901'))).toThrow(/line 1/);
    expect(split(['x'.repeat(10), '\n'], 10)).toEqual(['x'.repeat(10)]); // exactly the limit is fine
  });
});

describe('gzip bomb guard', () => {
  it('allows ordinary ratios and small files, refuses huge ratios and sizes', () => {
    expect(() => checkInflation(GZIP_RATIO_CHECK_AFTER_BYTES - 1, 1)).not.toThrow();
    expect(() => checkInflation(GZIP_RATIO_CHECK_AFTER_BYTES + 1, GZIP_RATIO_CHECK_AFTER_BYTES / 20)).not.toThrow();
    const n = GZIP_RATIO_CHECK_AFTER_BYTES + 1;
    expect(() => checkInflation(n, Math.floor(n / (MAX_GZIP_RATIO + 1)))).toThrow(InflateLimitError);
    expect(() => checkInflation(MAX_DECOMPRESSED_BYTES + 1, MAX_DECOMPRESSED_BYTES)).toThrow(/inflates past/);
  });

  it('stops reading a bomb soon after the ratio check starts', async () => {
    // 256 members of 4 MiB of zeros each: about 1 GiB inflated from about 1 MiB on disk.
    const member = zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024), { level: 9 });
    const file = path.join(dir, 'bomb.gz');
    const fd = fs.openSync(file, 'w');
    for (let i = 0; i < 256; i++) fs.writeSync(fd, member);
    fs.closeSync(fd);
    const opened = openMaybeGzip(file);
    let inflated = 0;
    const err = await new Promise<Error | null>((resolve) => {
      opened.input.on('data', (c: Buffer) => {
        inflated += c.length;
      });
      opened.input.on('error', resolve);
      opened.input.on('end', () => resolve(null));
    });
    expect(err).toBeInstanceOf(InflateLimitError);
    expect(inflated).toBeLessThan(GZIP_RATIO_CHECK_AFTER_BYTES + 8 * 1024 * 1024);
  });

  it('reads an ordinary gzip file whole, and plain files as they are', async () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i} ${Math.sin(i)}`).join('\n');
    const gz = path.join(dir, 'ok.log.gz');
    fs.writeFileSync(gz, zlib.gzipSync(text));
    const plain = path.join(dir, 'ok.log');
    fs.writeFileSync(plain, text);
    for (const f of [gz, plain]) {
      const chunks: Buffer[] = [];
      for await (const c of openMaybeGzip(f).input) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe(text);
    }
  });
});

describe('firstNonBlankLine', () => {
  it('returns the first non-blank line of plain and gzip files', async () => {
    const plain = path.join(dir, 'first.txt');
    fs.writeFileSync(plain, '\n  \nhello\nworld\n');
    expect(await firstNonBlankLine(plain)).toBe('hello');
    const gz = path.join(dir, 'first.gz');
    fs.writeFileSync(gz, zlib.gzipSync('\nhi\n'));
    expect(await firstNonBlankLine(gz)).toBe('hi');
    fs.writeFileSync(plain, '');
    expect(await firstNonBlankLine(plain)).toBe('');
  });
  it('refuses a first line past the limit without reading the rest', async () => {
    const f = path.join(dir, 'long.txt');
    fs.writeFileSync(f, 'x'.repeat(5000));
    await expect(firstNonBlankLine(f, 1000)).rejects.toThrow(LineTooLongError);
  });
});
