/**
 * The worker thread of a parallel access-log import (./parallel-read.ts): claims chunks of the file
 * (./log-chunks.ts) like the main thread does, aggregates them with its own TrafficAggregator (same time zone, own
 * hosts and visitor salt key), and posts its share as a PartialAggregate. A line too long posts `{ tooLong: true }`
 * (the main thread then reads the file sequentially and reports it); any other error is thrown (the main thread
 * re-reads this worker's chunks itself).
 */
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
}

const data = workerData as LogWorkerData;
const agg = new TrafficAggregator({
  timeZone: data.timeZone,
  file: data.file,
  ownHosts: new Set(data.ownHosts),
  saltKey: data.saltKey,
});
try {
  processChunks(data.plan, chunkStateOf(data.buffer, data.plan.chunks), 2, agg);
  const p = agg.exportPartial();
  const transfer = [p.hashes, p.pageViews, p.botHits, p.visitorStart, p.refCounts].map((a) => a.buffer as ArrayBuffer);
  parentPort?.postMessage({ partial: p }, transfer);
} catch (err) {
  if (err instanceof ChunkLineTooLong) parentPort?.postMessage({ tooLong: true });
  else throw err;
}
