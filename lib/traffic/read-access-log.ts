/**
 * Stream an access log from disk (plain or gzip) through a {@link TrafficAggregator}.
 * Memory stays flat: lines are processed one at a time and only per-(day, path) counters are kept.
 * This module reads files (node:fs); everything it computes comes from the pure aggregator.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { type AccessLogOptions, type AccessLogResult, TrafficAggregator } from './traffic-aggregator';

export interface ReadAccessLogOptions extends Omit<AccessLogOptions, 'file'> {
  /** Name used in rejects; defaults to the file's base name. */
  file?: string;
  /**
   * Progress callback, called every `progressEvery` lines and once at the end. `bytesRead` counts bytes of the file
   * on disk (compressed bytes for .gz), so it can be compared with the file size.
   */
  onProgress?: (linesRead: number, bytesRead: number) => void;
  /** Lines between progress calls (default 50,000). */
  progressEvery?: number;
}

/** True when the file starts with the gzip magic bytes 1f 8b. */
async function hasGzipMagic(filePath: string): Promise<boolean> {
  const fh = await open(filePath, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * Read a combined/common access log file and aggregate it (see {@link TrafficAggregator} for the counting rules).
 * Gzip is detected by the `.gz` suffix or the magic bytes. Lines are decoded as UTF-8 (invalid bytes become U+FFFD,
 * which only ever lands in user agents or referrers). Malformed lines become rejects; the import goes on.
 *
 * @returns rows per (day, path, kind), counts, rejects and the day range, days in `opts.timeZone`.
 * @throws Error naming the file when it cannot be opened or its gzip stream is corrupt.
 */
export async function readAccessLog(filePath: string, opts: ReadAccessLogOptions): Promise<AccessLogResult> {
  const file = opts.file ?? path.basename(filePath);
  const agg = new TrafficAggregator({ timeZone: opts.timeZone, file, onHit: opts.onHit });
  let gzip: boolean;
  try {
    gzip = filePath.toLowerCase().endsWith('.gz') || (await hasGzipMagic(filePath));
  } catch (err) {
    throw new Error(`${file}: cannot open access log: ${(err as Error).message}`, { cause: err });
  }

  const raw = createReadStream(filePath);
  let bytesRead = 0;
  raw.on('data', (chunk) => {
    bytesRead += chunk.length;
  });
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const every = Math.max(1, opts.progressEvery ?? 50_000);
  let lineNo = 0;

  await new Promise<void>((resolve, reject) => {
    // Reject before closing: closing emits 'close', which would otherwise resolve first.
    const fail = (err: Error) => {
      reject(new Error(`${file}: cannot read access log${gzip ? ' (gzip)' : ''}: ${err.message}`, { cause: err }));
      rl.close();
      raw.destroy();
    };
    // Errors can surface on the file stream, on gunzip, or re-emitted by readline (Node >= 16): listen on all.
    raw.on('error', fail);
    if (input !== raw) input.on('error', fail);
    rl.on('error', fail);
    rl.on('line', (line) => {
      lineNo++;
      try {
        agg.addLine(line, lineNo);
        if (lineNo % every === 0) opts.onProgress?.(lineNo, bytesRead);
      } catch (err) {
        fail(err as Error);
      }
    });
    rl.on('close', () => resolve());
  });
  opts.onProgress?.(lineNo, bytesRead);
  return agg.finish();
}
