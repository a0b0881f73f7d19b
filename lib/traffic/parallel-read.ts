/**
 * The parallel read of a large plain access log: the main thread and one worker thread (./log-worker.ts) claim byte
 * chunks of the file (./log-chunks.ts) in turn, each aggregates its chunks, and the worker's share is merged into the
 * main thread's aggregator (visitors as the union of both sides' hashes, under one salt key). The numbers are the
 * same as a sequential read's; only line numbers need fixing up once every chunk's line count is known.
 *
 * Why: parsing is most of a large import's time and this machine class has two cores (`npm run bench`). A worker
 * that cannot start (no tsx, a bundled build) is not an error: the main thread then claims every chunk itself.
 */

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  ChunkLineTooLong,
  type ChunkPlan,
  type ChunkState,
  endOffsetOf,
  globalLineNo,
  newChunkState,
  planChunks,
  processChunks,
} from './log-chunks';
import type { LogWorkerData } from './log-worker';
import type { ReadAccessLogResult } from './read-access-log';
import { type PartialAggregate, TrafficAggregator } from './traffic-aggregator';

/** Files (bytes left to read) below this size are read by one thread: a worker costs ~0.3 s to start. */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/** Chunk size: small enough to balance two threads, large enough that claiming one is rare. */
export const CHUNK_BYTES = 8 * 1024 * 1024;
const MAX_REJECTS = 10_000;

/** The parts of ReadAccessLogOptions a parallel read uses. */
export interface ParallelReadOptions {
  timeZone: string;
  file: string;
  ownHosts?: ReadonlySet<string>;
  start: number;
  end: number;
  completeLinesOnly: boolean;
  firstLineNo: number;
  progressEvery: number;
  onProgress?: (linesRead: number, bytesRead: number) => void;
  /** Chunk size (tests use small chunks to put many lines on chunk boundaries). */
  chunkBytes?: number;
  /** The worker's entry file (tests pass a missing one to check the one-thread fallback). */
  workerEntry?: string;
}

type WorkerAnswer = { partial?: PartialAggregate; tooLong?: boolean; otherFile?: boolean } | null;

/**
 * Read bytes [start, end) of a plain combined/common log on two threads.
 * @returns the aggregation as readAccessLog returns it, or null when a line is too long (the caller then reads the
 *   file sequentially, which reports that line with its number).
 * @throws Error when the file cannot be read.
 */
export async function readAccessLogParallel(
  filePath: string,
  opts: ParallelReadOptions,
): Promise<ReadAccessLogResult | null> {
  const plan = planChunks(filePath, opts.start, opts.end, opts.chunkBytes ?? CHUNK_BYTES, opts.completeLinesOnly);
  const { buffer, state } = newChunkState(plan);
  const saltKey = randomBytes(4).readUInt32LE(0);
  // Both threads read through one identity: the worker opens the file by name and checks device and inode, so a
  // log rotated (renamed and recreated) in between is read by this thread alone, never half from each file.
  const fd = fs.openSync(filePath, 'r');
  try {
    return await readOpened(fd, plan, buffer, state, saltKey, opts);
  } finally {
    fs.closeSync(fd);
  }
}

async function readOpened(
  fd: number,
  plan: ChunkPlan,
  buffer: SharedArrayBuffer,
  state: ChunkState,
  saltKey: number,
  opts: ParallelReadOptions,
): Promise<ReadAccessLogResult | null> {
  const st = fs.fstatSync(fd);
  const agg = new TrafficAggregator({ timeZone: opts.timeZone, file: opts.file, ownHosts: opts.ownHosts, saltKey });
  const data: LogWorkerData = {
    plan,
    buffer,
    timeZone: opts.timeZone,
    file: opts.file,
    ownHosts: [...(opts.ownHosts ?? [])],
    saltKey,
    dev: st.dev,
    ino: st.ino,
  };
  const worker = startWorker(data, opts.workerEntry ?? path.join(__dirname, 'log-worker.cjs'));
  let reported = 0;
  const onLines = (lines: number, bytes: number) => {
    if (!opts.onProgress || lines - reported < opts.progressEvery) return;
    reported = lines;
    opts.onProgress(opts.firstLineNo - 1 + lines, opts.start + bytes);
  };
  try {
    processChunks(fd, plan, state, 1, agg, onLines);
  } catch (err) {
    await worker?.stop();
    if (err instanceof ChunkLineTooLong) return null;
    throw err;
  }
  const answer: WorkerAnswer = worker ? await worker.answer : null;
  if (answer?.tooLong) return null;
  try {
    if (answer?.partial) agg.mergePartial(answer.partial);
    // The worker failed or never started: read the chunks it had claimed here.
    else processClaimed(fd, plan, state, agg);
  } catch (err) {
    if (err instanceof ChunkLineTooLong) return null;
    throw err;
  }
  const res = agg.finish();
  for (const r of res.rejects) if (r.line !== null) r.line = globalLineNo(r.line, state.lines, opts.firstLineNo);
  res.rejects.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (res.rejects.length > MAX_REJECTS) res.rejects.length = MAX_REJECTS;
  let lines = 0;
  for (const n of state.lines) lines += n;
  return { ...res, endOffset: endOffsetOf(plan, state), lines, threads: answer?.partial ? 2 : 1 };
}

/** The worker and its answer (null when it failed); null when no worker could be started. */
function startWorker(
  data: LogWorkerData,
  entry: string,
): { answer: Promise<WorkerAnswer>; stop: () => Promise<void> } | null {
  let worker: Worker;
  try {
    worker = new Worker(entry, { workerData: data });
  } catch {
    return null;
  }
  const answer = new Promise<WorkerAnswer>((resolve) => {
    worker.once('message', (m: WorkerAnswer) => resolve(m));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return {
    answer,
    stop: async () => {
      await worker.terminate();
    },
  };
}

/** Read, on this thread, the chunks a failed worker had claimed (owner 2), claiming them again as the main thread. */
function processClaimed(fd: number, plan: ChunkPlan, state: ChunkState, agg: TrafficAggregator): void {
  const theirs: number[] = [];
  for (let k = 0; k < plan.chunks; k++) if (state.owner[k] === 2) theirs.push(k);
  if (theirs.length === 0) return;
  // A one-chunk plan per claimed chunk, sharing the state: processChunks claims from CTL_NEXT, so replay each one.
  for (const k of theirs) {
    Atomics.store(state.ctl, 0, k);
    const single: ChunkPlan = { ...plan, chunks: k + 1 };
    processChunks(fd, single, state, 1, agg);
  }
}
