/** Byte-exact resuming, as the nightly sync needs it: start offsets, complete lines only, gzip, W3C preludes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createLineParser } from './line-parsers';
import { readAccessLog } from './read-access-log';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-ral-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const line = (i: number) =>
  `192.0.2.${i} - - [02/Mar/2024:10:00:0${i % 10} +0000] "GET /p${i} HTTP/1.1" 200 5 "-" "${UA}"\n`;

describe('readAccessLog offsets', () => {
  const text = line(1) + line(2) + line(3);
  const partial = line(4).slice(0, 30);
  const file = path.join(dir, 'a.log');
  fs.writeFileSync(file, text + partial);
  const gz = path.join(dir, 'a.log.2.gz');
  fs.writeFileSync(gz, gzipSync(text + partial));

  it.each([
    ['plain, whole file (partial last line read as a line)', file, {}, 4, Buffer.byteLength(text + partial)],
    ['plain, complete lines only', file, { completeLinesOnly: true }, 3, Buffer.byteLength(text)],
    [
      'plain, from the second line',
      file,
      { startOffset: Buffer.byteLength(line(1)), completeLinesOnly: true },
      2,
      Buffer.byteLength(text),
    ],
    [
      'plain, from the end',
      file,
      { startOffset: Buffer.byteLength(text), completeLinesOnly: true },
      0,
      Buffer.byteLength(text),
    ],
    [
      'gzip, from the second line',
      gz,
      { startOffset: Buffer.byteLength(line(1)), completeLinesOnly: true },
      2,
      Buffer.byteLength(text),
    ],
  ])('%s', async (_name, f, opts, lines, endOffset) => {
    const r = await readAccessLog(f, { timeZone: 'UTC', ...opts });
    expect(r.lines).toBe(lines);
    expect(r.endOffset).toBe(endOffset);
  });

  it('reads the same requests in two halves as in one go', async () => {
    const whole = await readAccessLog(file, { timeZone: 'UTC', completeLinesOnly: true });
    const first = await readAccessLog(file, { timeZone: 'UTC', completeLinesOnly: true, startOffset: 0 });
    expect(first.rows).toEqual(whole.rows);
    const cut = Buffer.byteLength(line(1) + line(2));
    const a = await readAccessLog(file, { timeZone: 'UTC', completeLinesOnly: true });
    const b = await readAccessLog(file, { timeZone: 'UTC', completeLinesOnly: true, startOffset: cut });
    expect(b.rows.map((r) => r.path)).toEqual(['/p3']);
    expect(a.counts.pageViews).toBe(3);
  });

  it('a W3C file resumed mid-way gets its #Fields line as prelude', async () => {
    const header = '#Version: 1.0\n#Fields: date time c-ip cs-method cs-uri-stem sc-status cs(User-Agent)\n';
    const row = (p: string) => `2024-03-02\t10:00:00\t192.0.2.1\tGET\t${p}\t200\t${UA.replace(/ /g, '%20')}\n`;
    const f = path.join(dir, 'cf.log');
    fs.writeFileSync(f, header + row('/a') + row('/b'));
    const from = Buffer.byteLength(header + row('/a'));
    const without = await readAccessLog(f, { timeZone: 'UTC', parser: createLineParser('w3c'), startOffset: from });
    expect(without.counts.rejected).toBe(1);
    const withPrelude = await readAccessLog(f, {
      timeZone: 'UTC',
      parser: createLineParser('w3c'),
      startOffset: from,
      prelude: header.trim().split('\n'),
    });
    expect(withPrelude.counts).toMatchObject({ read: 1, pageViews: 1, rejected: 0 });
    expect(withPrelude.rows[0].path).toBe('/b');
  });
});
