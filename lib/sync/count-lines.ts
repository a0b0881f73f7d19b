/**
 * Counting a log's lines before a byte offset, for the nightly sync's line numbers (db/sync/log-source.ts) when the
 * saved state predates the line count it now keeps.
 */
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';

/**
 * Newlines in the first `upTo` bytes of a log's content (inflated content for a `.gz` file, whose sync offsets count
 * inflated bytes): the number of lines before that offset, which the sync always leaves on a line boundary.
 * @throws Error when the file cannot be read or a `.gz` file is not valid gzip.
 */
export async function countLinesBefore(file: string, gzip: boolean, upTo: number): Promise<number> {
  if (upTo <= 0) return 0;
  const input = fs.createReadStream(file, gzip ? {} : { end: upTo - 1 });
  const stream: AsyncIterable<Buffer> = gzip ? input.pipe(createGunzip()) : input;
  let lines = 0;
  let seen = 0;
  try {
    for await (const chunk of stream) {
      const take = Math.min(chunk.length, upTo - seen);
      for (let i = chunk.indexOf(10); i >= 0 && i < take; i = chunk.indexOf(10, i + 1)) lines++;
      seen += take;
      if (seen >= upTo) break;
    }
  } finally {
    input.destroy();
  }
  return lines;
}
