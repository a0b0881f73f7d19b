/**
 * A plain (not compressed) access log cut into byte chunks that threads claim one at a time, for the parallel import
 * of ./parallel-read.ts. Shared by the main thread and the worker (./log-worker.ts).
 *
 * A line belongs to the chunk holding its first byte: a thread starts a chunk after the first newline at or after
 * the chunk's first byte minus one, and finishes the line that crosses the chunk's end. Line numbers are not known
 * inside a chunk (they depend on every chunk before it), so lines are numbered `chunk * LINE_BASE + line in chunk`
 * and renumbered by {@link globalLineNo} once every chunk's line count is known.
 */
import fs from 'node:fs';
import { MAX_LOG_LINE_BYTES } from '../limits';
import type { TrafficAggregator } from './traffic-aggregator';

/** What the threads read: bytes [start, end) of a file, in chunks of `chunkBytes`. */
export interface ChunkPlan {
  file: string;
  start: number;
  end: number;
  chunkBytes: number;
  chunks: number;
  /** Leave a last line without its newline unread (it may still be being written). */
  completeLinesOnly: boolean;
}

/** Shared counters: [0] next chunk to claim, [1] lines done (progress), [2] KiB done (progress), [3] unused. */
export const CTL_NEXT = 0;
export const CTL_LINES = 1;
export const CTL_KIB = 2;

/** Views of the SharedArrayBuffer the threads coordinate through. */
export interface ChunkState {
  ctl: Int32Array;
  /** Which thread claimed each chunk (1 main, 2 worker). */
  owner: Int32Array;
  /** Lines (blank ones too) of each chunk. */
  lines: Int32Array;
  /** Per chunk: byte offset just after its last line read (0 when it holds no line start). */
  ends: Float64Array;
}

/** Chunk-local line numbers are below this (a chunk is at most 16 MiB and a line at least one byte plus `\n`). */
export const LINE_BASE = 2 ** 24;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

/** A line longer than the limit: the caller reads the file sequentially, which reports it with its line number. */
export class ChunkLineTooLong extends Error {}

/** Allocate the shared state for a plan (pass `buffer` to a worker to share it). */
export function newChunkState(plan: ChunkPlan): { buffer: SharedArrayBuffer; state: ChunkState } {
  const n = plan.chunks;
  const buffer = new SharedArrayBuffer(16 + 8 * n + 8 * n);
  return { buffer, state: chunkStateOf(buffer, n) };
}

/** The views of a shared buffer made by {@link newChunkState}. */
export function chunkStateOf(buffer: SharedArrayBuffer, chunks: number): ChunkState {
  return {
    ctl: new Int32Array(buffer, 0, 4),
    owner: new Int32Array(buffer, 16, chunks),
    lines: new Int32Array(buffer, 16 + 4 * chunks, chunks),
    ends: new Float64Array(buffer, 16 + 8 * chunks, chunks),
  };
}

/** A plan for bytes [start, end) of `file` in chunks of about `chunkBytes` (capped at 16 MiB). */
export function planChunks(
  file: string,
  start: number,
  end: number,
  chunkBytes: number,
  completeLinesOnly: boolean,
): ChunkPlan {
  const size = Math.max(1, Math.min(chunkBytes, MAX_CHUNK_BYTES));
  return {
    file,
    start,
    end,
    chunkBytes: size,
    chunks: Math.max(1, Math.ceil((end - start) / size)),
    completeLinesOnly,
  };
}

/**
 * Claim chunks until none is left and feed their lines to `agg`. `me` marks the claims (1 main, 2 worker).
 * @param fd the file, opened by the caller (each thread opens it once and checks it is the same file).
 * @param onLines called with the shared line total every 10,000 lines of this thread (progress).
 * @throws ChunkLineTooLong for a line over MAX_LOG_LINE_BYTES; Error when the file cannot be read.
 */
export function processChunks(
  fd: number,
  plan: ChunkPlan,
  state: ChunkState,
  me: number,
  agg: TrafficAggregator,
  onLines?: (lines: number, bytes: number) => void,
): void {
  let buf: Buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
  for (;;) {
    const k = Atomics.add(state.ctl, CTL_NEXT, 1);
    if (k >= plan.chunks) return;
    state.owner[k] = me;
    buf = processChunk(fd, plan, state, k, agg, buf, onLines);
  }
}

/** Feed chunk k's lines to `agg`; returns the (maybe grown) read buffer. */
function processChunk(
  fd: number,
  plan: ChunkPlan,
  state: ChunkState,
  k: number,
  agg: TrafficAggregator,
  buf: Buffer,
  onLines?: (lines: number, bytes: number) => void,
): Buffer {
  const stop = Math.min(plan.start + (k + 1) * plan.chunkBytes, plan.end);
  let pos = plan.start + k * plan.chunkBytes;
  if (k > 0) pos = afterNewline(fd, pos - 1, plan.end, buf);
  const first = pos;
  let local = 0;
  let sinceReport = 0;
  const base = k * LINE_BASE;
  while (pos < stop) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, plan.end - pos), pos);
    if (n <= 0) break;
    let i = 0;
    while (pos + i < stop) {
      const nl = buf.indexOf(10, i);
      if (nl < 0 || nl >= n) break;
      if (nl - i > MAX_LOG_LINE_BYTES) throw new ChunkLineTooLong();
      local++;
      agg.addLineBytes(buf, i, nl, base + local);
      i = nl + 1;
      if (++sinceReport === 10_000) {
        const lines = Atomics.add(state.ctl, CTL_LINES, sinceReport) + sinceReport;
        sinceReport = 0;
        onLines?.(lines, Atomics.load(state.ctl, CTL_KIB) * 1024);
      }
    }
    if (pos + i >= stop) {
      pos += i;
      break;
    }
    if (i === 0) {
      // No newline in what was read: a line too long, or the range's last line (without its newline).
      if (n > MAX_LOG_LINE_BYTES) throw new ChunkLineTooLong();
      if (!plan.completeLinesOnly) {
        local++;
        agg.addLineBytes(buf, 0, n, base + local);
        pos += n;
      }
      break;
    }
    pos += i;
  }
  Atomics.add(state.ctl, CTL_LINES, sinceReport);
  Atomics.add(state.ctl, CTL_KIB, Math.round((pos - first) / 1024));
  state.lines[k] = local;
  state.ends[k] = local > 0 ? pos : 0;
  return buf;
}

/** Offset just after the first newline at or after `from` (or `end` when there is none). */
function afterNewline(fd: number, from: number, end: number, buf: Buffer): number {
  let pos = from;
  while (pos < end) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
    if (n <= 0) return end;
    const nl = buf.indexOf(10);
    if (nl >= 0 && nl < n) return pos + nl + 1;
    if (pos + n - from > MAX_LOG_LINE_BYTES) throw new ChunkLineTooLong();
    pos += n;
  }
  return end;
}

/** Where reading stopped: just after the last line any chunk read (`plan.start` when none). */
export function endOffsetOf(plan: ChunkPlan, state: ChunkState): number {
  let end = plan.start;
  for (const e of state.ends) if (e > end) end = e;
  return end;
}

/**
 * The file's line number of a chunk-numbered line (see the file comment).
 * @param firstLineNo the line number of the plan's first line (1 for a whole file).
 */
export function globalLineNo(chunkLineNo: number, lines: Int32Array, firstLineNo: number): number {
  const k = Math.floor(chunkLineNo / LINE_BASE);
  let before = firstLineNo - 1;
  for (let j = 0; j < k; j++) before += lines[j];
  return before + (chunkLineNo - k * LINE_BASE);
}
