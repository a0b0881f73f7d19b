/**
 * The access-log half of a traffic import: read the whole file through the right line parser and name its rows by
 * the log's identity. Writing is the caller's (db/import-views.ts), in one transaction.
 */
import { readAccessLog } from '../lib/traffic/access-log';
import { logKindOf, type TrafficFormat } from '../lib/traffic/detect';
import { logIdentity, logOrigin } from '../lib/traffic/file-head';
import { createLineParser } from '../lib/traffic/line-parsers';
import type { ReadAccessLogResult } from '../lib/traffic/read-access-log';

/** A log read whole, with its identity. */
export interface ReadLog extends ReadAccessLogResult {
  headHash: string;
  origin: string;
  /** The origin Tend filed this log under before W3C headers were skipped for identity (see file-head.ts), or null. */
  legacyOrigin: string | null;
}

/**
 * Read an access log of one of the log formats.
 * @throws Error naming the file when it is empty, when no line parses in the given syntax (wrong --format), or when
 *   it cannot be read.
 */
export async function readLogFile(
  file: string,
  format: TrafficFormat,
  opts: {
    timeZone: string;
    logFormat?: string;
    ownHosts: ReadonlySet<string>;
    onProgress?: (lines: number, bytes: number) => void;
  },
): Promise<ReadLog> {
  const kind = logKindOf(format);
  if (!kind) throw new Error(`${file}: ${format} is not an access-log format`);
  const { headHash, legacyHeadHash } = await logIdentity(file).catch((err: Error) => {
    throw new Error(`${file}: ${err.message}`, { cause: err });
  });
  if (!headHash) throw new Error(`${file}: the file is empty (or has only # header lines)`);
  const parser = createLineParser(kind, opts.logFormat);
  const res = await readAccessLog(file, {
    timeZone: opts.timeZone,
    file,
    parser,
    ownHosts: opts.ownHosts,
    onProgress: opts.onProgress,
  });
  if (res.counts.read > 0 && res.counts.rejected === res.counts.read) {
    throw new Error(
      `${file}: no line is ${format === 'custom-log' ? 'a line of the given --log-format' : `${/^[aeiou]/.test(format) ? 'an' : 'a'} ${format} line`} (line ${res.rejects[0]?.line}: ${res.rejects[0]?.reason})`,
    );
  }
  return {
    ...res,
    headHash,
    origin: logOrigin(headHash),
    legacyOrigin: legacyHeadHash ? logOrigin(legacyHeadHash) : null,
  };
}
