import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { countLinesBefore } from './count-lines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-count-lines-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('countLinesBefore', () => {
  const text = 'first\n\n# a comment\nfourth line\nfifth\n';
  const plain = path.join(dir, 'a.log');
  const gz = path.join(dir, 'a.log.2.gz');
  fs.writeFileSync(plain, text);
  fs.writeFileSync(gz, gzipSync(Buffer.from(text)));

  it('counts the lines before a byte offset of a plain and of a gzip file (inflated bytes)', async () => {
    const offsetOfFourth = text.indexOf('fourth');
    for (const [file, gzip] of [
      [plain, false],
      [gz, true],
    ] as const) {
      expect(await countLinesBefore(file, gzip, 0)).toBe(0);
      expect(await countLinesBefore(file, gzip, offsetOfFourth)).toBe(3);
      expect(await countLinesBefore(file, gzip, text.length)).toBe(5);
    }
  });

  it('names the file when it cannot be read', async () => {
    await expect(countLinesBefore(path.join(dir, 'missing.log'), false, 10)).rejects.toThrow(/missing\.log/);
  });
});
