/**
 * Reading lines from files without trusting them: a line splitter that refuses a line longer than a limit (Node's
 * readline buffers a line of any length, so a 2 GB line exhausts memory), and a guard against gzip bombs that stops
 * inflating past a size or ratio. Limits come from lib/limits.ts.
 */
import fs from 'node:fs';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import {
  formatBytes,
  GZIP_RATIO_CHECK_AFTER_BYTES,
  MAX_DECOMPRESSED_BYTES,
  MAX_GZIP_RATIO,
  MAX_LOG_LINE_BYTES,
} from './limits';

/** A line longer than the limit: the file is not a text log, or is a hostile one. */
export class LineTooLongError extends Error {
  constructor(
    readonly lineNo: number,
    readonly limit: number,
  ) {
    super(
      `line ${lineNo} is longer than ${formatBytes(limit)} (the limit for one line): not a text log; nothing imported`,
    );
    this.name = 'LineTooLongError';
  }
}

/** A gzip stream that inflates beyond the size or ratio limits. */
export class InflateLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InflateLimitError';
  }
}

/**
 * Splits a byte stream into lines at `\n` (a `\r` before it is dropped), decoding each line as UTF-8 (invalid bytes
 * become U+FFFD). Holds at most `maxLineBytes` of an unfinished line: `push` throws {@link LineTooLongError} as soon
 * as a line grows past it, so the caller can stop reading. Same lines as readline with `crlfDelay: Infinity`, except
 * that a lone `\r` is not a line break.
 */
export class BoundedLineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  /** Lines emitted so far (the 1-based number of the last one). */
  lineNo = 0;

  constructor(
    private readonly onLine: (line: string, lineNo: number) => void,
    private readonly maxLineBytes = MAX_LOG_LINE_BYTES,
  ) {}

  /** Feed the next chunk; calls `onLine` for every line it completes. */
  push(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      if (this.partBytes + piece.length > this.maxLineBytes)
        throw new LineTooLongError(this.lineNo + 1, this.maxLineBytes);
      const bytes = this.partBytes === 0 ? piece : Buffer.concat([...this.parts, piece]);
      this.parts = [];
      this.partBytes = 0;
      this.emit(bytes);
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (this.partBytes + rest.length > this.maxLineBytes)
        throw new LineTooLongError(this.lineNo + 1, this.maxLineBytes);
      this.parts.push(rest);
      this.partBytes += rest.length;
    }
  }

  /** End of input: emits the last line when it has no newline. */
  end(): void {
    if (this.partBytes === 0) return;
    const bytes = Buffer.concat(this.parts);
    this.parts = [];
    this.partBytes = 0;
    this.emit(bytes);
  }

  private emit(bytes: Buffer): void {
    this.lineNo++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    this.onLine(bytes.toString('utf8', 0, end), this.lineNo);
  }
}

/**
 * Throws {@link InflateLimitError} when `inflated` bytes from `compressed` bytes of gzip exceed
 * MAX_DECOMPRESSED_BYTES, or MAX_GZIP_RATIO once past GZIP_RATIO_CHECK_AFTER_BYTES. Call it as data comes out.
 */
export function checkInflation(inflated: number, compressed: number): void {
  if (inflated > MAX_DECOMPRESSED_BYTES)
    throw new InflateLimitError(
      `gzip data inflates past ${formatBytes(MAX_DECOMPRESSED_BYTES)} (the limit): a zip bomb or not a log; nothing imported`,
    );
  if (inflated > GZIP_RATIO_CHECK_AFTER_BYTES && inflated > MAX_GZIP_RATIO * Math.max(compressed, 1))
    throw new InflateLimitError(
      `gzip data inflates more than ${MAX_GZIP_RATIO} times (${formatBytes(compressed)} became over ${formatBytes(inflated)}): a zip bomb, not a log; nothing imported`,
    );
}

/** True when the file starts with the gzip magic bytes 1f 8b. */
export function isGzipFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(2);
    return fs.readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/** Passes bytes through, counting them. */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    cb(null, chunk);
  }
}

/** Passes inflated bytes through, failing the stream when {@link checkInflation} says so. */
class InflateGuard extends Transform {
  private inflated = 0;
  constructor(private readonly compressed: () => number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.inflated += chunk.length;
    try {
      checkInflation(this.inflated, this.compressed());
      cb(null, chunk);
    } catch (err) {
      cb(err as Error);
    }
  }
}

/** A file opened by {@link openMaybeGzip}. */
export interface OpenedFile {
  /** The file's bytes, inflated when it is gzip. Errors with InflateLimitError past the limits, or the read error. */
  input: Readable;
  /** Bytes of the file read so far (compressed bytes for gzip), for progress against the file size. */
  fileBytesRead: () => number;
  /** Stop reading and release the file. */
  close: () => void;
}

/** Opens a file for streaming, inflating it when it is gzip (magic bytes, or `gzip` forced) under the bomb guard. */
export function openMaybeGzip(file: string, gzip = isGzipFile(file)): OpenedFile {
  const raw = fs.createReadStream(file);
  const counter = new ByteCounter();
  const chain: (Readable | Transform)[] = [raw, counter];
  if (gzip) chain.push(zlib.createGunzip(), new InflateGuard(() => counter.bytes));
  // pipeline forwards an error of any stage to the last one and destroys them all.
  const input = pipeline(chain as [Readable, ...Transform[]], () => {}) as unknown as Readable;
  return {
    input,
    fileBytesRead: () => counter.bytes,
    close: () => {
      for (const s of chain) s.destroy();
    },
  };
}

/**
 * The first line of a (possibly gzip) file that is not blank (nor, with `skipComments`, a `#` line such as W3C's
 * `#Version:` header), or '' when there is none, reading no further than it.
 * @throws LineTooLongError when a line before it passes `maxLineBytes`; InflateLimitError for a gzip bomb; the read
 *   error when the file or its gzip stream is broken.
 */
export async function firstNonBlankLine(
  file: string,
  maxLineBytes = MAX_LOG_LINE_BYTES,
  skipComments = false,
): Promise<string> {
  const opened = openMaybeGzip(file);
  const found: { line: string | null } = { line: null };
  const splitter = new BoundedLineSplitter((line) => {
    const t = line.trim();
    if (found.line === null && t && !(skipComments && t.startsWith('#'))) found.line = line;
  }, maxLineBytes);
  try {
    for await (const chunk of opened.input) {
      splitter.push(chunk as Buffer);
      if (found.line !== null) return found.line;
    }
    splitter.end();
    return found.line ?? '';
  } finally {
    opened.close();
  }
}
