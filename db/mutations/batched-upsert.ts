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
  // One reused parameter array: no allocation per row or per batch.
  const buf: unknown[] = new Array(BATCH * width);
  let n = 0;
  return {
    push: (...values) => {
      for (let i = 0; i < values.length; i++) buf[n++] = values[i];
      if (n === buf.length) {
        full.run(buf);
        n = 0;
      }
    },
    flush: () => {
      if (n) c.prepare(sql(n / width)).run(buf.slice(0, n));
      n = 0;
    },
  };
}
