/**
 * The worker thread of a parallel access-log import (./parallel-read.ts): claims chunks of the file
 * (./log-chunks.ts) like the main thread does, aggregates them with its own TrafficAggregator (same time zone, own
 * hosts and visitor salt key), and posts its share as a PartialAggregate. A file that is not the one the main thread
 * opened (rotated in between) posts `{ otherFile: true }` and reads nothing. A line too long posts `{ tooLong: true }`
 * (the main thread then reads the file sequentially and reports it); any other error is thrown (the main thread
 * re-reads this worker's chunks itself).
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkLineTooLong, type ChunkPlan, chunkStateOf, processChunks } from './log-chunks';
import { TrafficAggregator } from './traffic-aggregator';

/** What the main thread passes in `workerData`. */
export interface LogWorkerData {
  plan: ChunkPlan;
  buffer: SharedArrayBuffer;
  timeZone: string;
  file: string;
  ownHosts: string[];
  saltKey: number;
  /** Device and inode of the file the main thread has open: the worker reads only that same file. */
  dev: number;
  ino: number;
}

const data = workerData as LogWorkerData;
const agg = new TrafficAggregator({
  timeZone: data.timeZone,
  file: data.file,
  ownHosts: new Set(data.ownHosts),
  saltKey: data.saltKey,
});
const fd = fs.openSync(data.plan.file, 'r');
try {
  const st = fs.fstatSync(fd);
  if (st.dev !== data.dev || st.ino !== data.ino) {
    // Rotated (renamed and recreated) since the main thread opened it: claim nothing; the main thread reads it all.
    parentPort?.postMessage({ otherFile: true });
  } else {
    processChunks(fd, data.plan, chunkStateOf(data.buffer, data.plan.chunks), 2, agg);
    const p = agg.exportPartial();
    const transfer = [
      p.rowDay,
      p.rowTarget,
      p.pageViews,
      p.botHits,
      p.visitorStart,
      p.hashes,
      p.refTarget,
      p.refHost,
      p.refCounts,
    ].map((a) => a.buffer as ArrayBuffer);
    parentPort?.postMessage({ partial: p }, transfer);
  }
} catch (err) {
  if (err instanceof ChunkLineTooLong) parentPort?.postMessage({ tooLong: true });
  else throw err;
} finally {
  fs.closeSync(fd);
}
