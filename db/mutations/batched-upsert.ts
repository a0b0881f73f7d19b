/**
 * A multi-row upsert for bulk writes of traffic (./traffic.ts): values are buffered and written `BATCH` rows per
 * statement.
 */
import type { Db } from '../client';

const BATCH = 128;

/**
 * A multi-row upsert: values are buffered and written `BATCH` rows per statement, which crosses from JavaScript
 * into SQLite a hundred times less often than one statement per row (the hot path of a large log import).
 */
export function batchedUpsert(
  c: Db['$client'],
  target: string,
  width: number,
  onConflict: string,
): { push: (...values: unknown[]) => void; flush: () => void } {
  const tuple = `(${Array.from({ length: width }, () => '?').join(',')})`;
  const sql = (n: number) =>
    `insert into ${target} values ${Array.from({ length: n }, () => tuple).join(',')} ${onConflict}`;
  const full = c.prepare(sql(BATCH));
  let buf: unknown[] = [];
  return {
    push: (...values) => {
      for (const v of values) buf.push(v);
      if (buf.length === BATCH * width) {
        full.run(buf);
        buf = [];
      }
    },
    flush: () => {
      if (buf.length) c.prepare(sql(buf.length / width)).run(buf);
      buf = [];
    },
  };
}
