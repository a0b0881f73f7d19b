/**
 * Stream an access log from disk (plain or gzip) through a {@link TrafficAggregator}.
 * Memory stays flat: lines are processed one at a time and only per-(day, path) counters are kept.
 * Lines are cut from raw bytes (not readline) so byte offsets are exact: the nightly sync resumes a file at the
 * offset where the last run stopped, and stops at the last complete line so a line being written is read next time.
 * Untrusted input is bounded (lib/limits.ts): a line longer than MAX_LOG_LINE_BYTES stops the read, and gzip goes
 * through the zip-bomb guard of lib/bounded-read.ts.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { LineTooLongError, openMaybeGzip } from '../bounded-read';
import { MAX_LOG_LINE_BYTES } from '../limits';
import { combinedParser } from './line-parsers';
import { PARALLEL_MIN_BYTES, readAccessLogParallel } from './parallel-read';
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
  /** Start at this byte offset of the (decompressed) content; it must be the start of a line. Default 0. */
  startOffset?: number;
  /** Leave a last line without its newline unread (it may still be being written). Default false. */
  completeLinesOnly?: boolean;
  /** Lines fed to the parser before the content, not counted (a W3C `#Fields:` header when resuming mid-file). */
  prelude?: string[];
  /** Line number of the first line read (1-based, for rejects when resuming). Default 1. */
  firstLineNo?: number;
  /**
   * Two-thread reading of large plain combined/common logs (./parallel-read.ts): `false` never, otherwise from
   * `minBytes` (default 32 MiB) left to read, in chunks of `chunkBytes` (default 8 MiB; tests use small ones).
   */
  parallel?: false | { minBytes?: number; chunkBytes?: number; workerEntry?: string };
}

/** The aggregation plus where reading stopped. */
export interface ReadAccessLogResult extends AccessLogResult {
  /** Byte offset (decompressed) just after the last line processed: where the next run starts. */
  endOffset: number;
  /** Lines processed (blank and comment lines included). */
  lines: number;
  /** Threads that read the file: 2 when a worker's share was merged (./parallel-read.ts), else 1. */
  threads: number;
}

/** True when the file starts with the gzip magic bytes 1f 8b. */
export async function hasGzipMagic(filePath: string): Promise<boolean> {
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
 * Read an access log file and aggregate it (see ./counting-rules.ts for what counts). Gzip is detected by the magic
 * bytes. Lines are decoded as UTF-8 (invalid bytes become U+FFFD, which only ever lands in user agents or referrers).
 * Malformed lines become rejects; the import goes on.
 *
 * @returns rows per (day, path, kind), referrers, counts, rejects, the day range (days in `opts.timeZone`), and the
 *   byte offset where reading stopped.
 * @throws Error naming the file when it cannot be opened or its gzip stream is corrupt.
 */
export async function readAccessLog(filePath: string, opts: ReadAccessLogOptions): Promise<ReadAccessLogResult> {
  const file = opts.file ?? path.basename(filePath);
  const agg = new TrafficAggregator({ ...opts, file });
  let gzip: boolean;
  try {
    gzip = await hasGzipMagic(filePath);
  } catch (err) {
    throw new Error(`${file}: cannot open access log: ${(err as Error).message}`, { cause: err });
  }
  const start = opts.startOffset ?? 0;
  const every = Math.max(1, opts.progressEvery ?? 50_000);
  const par = opts.parallel === false ? null : (opts.parallel ?? {});
  const parser = opts.parser ?? combinedParser;
  if (par && !gzip && !opts.onHit && !opts.prelude?.length && parser === combinedParser) {
    const end = (await stat(filePath)).size;
    if (end - start >= (par.minBytes ?? PARALLEL_MIN_BYTES) && availableParallelism() > 1) {
      try {
        const res = await readAccessLogParallel(filePath, {
          timeZone: opts.timeZone,
          file,
          ownHosts: opts.ownHosts,
          start,
          end,
          completeLinesOnly: opts.completeLinesOnly ?? false,
          firstLineNo: opts.firstLineNo ?? 1,
          progressEvery: every,
          onProgress: opts.onProgress,
          chunkBytes: par.chunkBytes,
          workerEntry: par.workerEntry,
        });
        if (res) {
          opts.onProgress?.((opts.firstLineNo ?? 1) - 1 + res.lines, res.endOffset);
          return res;
        }
      } catch (err) {
        throw new Error(`${file}: cannot read access log: ${(err as Error).message}`, { cause: err });
      }
    }
  }
  for (const line of opts.prelude ?? []) agg.addLine(line, 0);
  let lineNo = (opts.firstLineNo ?? 1) - 1;
  let lines = 0;
  let bytesRead = 0;
  /** Decompressed bytes before `rest` (offset of rest[0] in the content). */
  let base = gzip ? 0 : start;
  let rest: Buffer | null = null;

  let input: AsyncIterable<unknown>;
  let close: () => void;
  let fileBytes: () => number;
  if (gzip) {
    const opened = openMaybeGzip(filePath, true);
    input = opened.input;
    close = opened.close;
    fileBytes = opened.fileBytesRead;
  } else {
    const raw = createReadStream(filePath, { start });
    raw.on('data', (c) => {
      bytesRead += c.length;
    });
    input = raw;
    close = () => raw.destroy();
    fileBytes = () => bytesRead;
  }
  const consume = (chunk: Buffer, final: boolean) => {
    let buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    rest = null;
    if (base < start) {
      // Gzip: skip decompressed bytes up to the start offset.
      const skip = Math.min(start - base, buf.length);
      base += skip;
      buf = buf.subarray(skip);
    }
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      lineNo++;
      lines++;
      agg.addLineBytes(buf, pos, nl, lineNo);
      if (lineNo % every === 0) opts.onProgress?.(lineNo, fileBytes());
      pos = nl + 1;
    }
    if (final && pos < buf.length && !opts.completeLinesOnly) {
      lineNo++;
      lines++;
      agg.addLineBytes(buf, pos, buf.length, lineNo);
      pos = buf.length;
    }
    base += pos;
    if (pos < buf.length) {
      if (buf.length - pos > MAX_LOG_LINE_BYTES) throw new LineTooLongError(lineNo + 1, MAX_LOG_LINE_BYTES);
      rest = buf.subarray(pos);
    }
  };

  try {
    for await (const chunk of input) consume(chunk as Buffer, false);
    consume(Buffer.alloc(0), true);
  } catch (err) {
    close();
    throw new Error(`${file}: cannot read access log${gzip ? ' (gzip)' : ''}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  opts.onProgress?.(lineNo, fileBytes());
  return { ...agg.finish(), endOffset: base, lines, threads: 1 };
}
