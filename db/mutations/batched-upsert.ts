/**
 * A multi-row upsert for bulk writes (traffic rows in ./traffic.ts, the full summary recompute in ./metrics.ts and
 * ./range-summaries.ts): values are buffered and written `BATCH` rows per statement.
 */
import type { Db } from '../client';

const BATCH = 128;

/** A buffered writer: `push` one row's values (in the target's column order), `flush` what is left at the end. */
export interface BatchedWriter {
  push: (...values: unknown[]) => void;
  flush: () => void;
}

/**
 * A multi-row upsert: values are buffered and written `BATCH` rows per statement, which crosses from JavaScript
 * into SQLite a hundred times less often than one statement per row (the hot path of a large log import).
 */
export function batchedUpsert(c: Db['$client'], target: string, width: number, onConflict: string): BatchedWriter {
  const tuple = `(${Array.from({ length: width }, () => '?').join(',')})`;
  const sql = (n: number) =>
    `insert into ${target} values ${Array.from({ length: n }, () => tuple).join(',')} ${onConflict}`.trimEnd();
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

/**
 * A multi-row plain insert (no conflict clause): for tables a bulk write has just emptied.
 * @param target `table (col, col, ...)`; `width` is the number of columns.
 */
export function batchedInsert(c: Db['$client'], target: string, width: number): BatchedWriter {
  return batchedUpsert(c, target, width, '');
}
