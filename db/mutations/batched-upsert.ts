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
 * Values every row of a batched write shares (an import's source and origin), bound once per statement under
 * `@name` instead of once per row: `tuple` is one row's value list, `?` for the values `push` gives and `@name` for
 * these, e.g. `(?, ?, @source, @origin, ?)`. Binding two strings per row was a quarter of a 1M-line log's daily-row
 * writes (`npm run bench`).
 */
export interface SharedValues {
  tuple: string;
  values: Record<string, unknown>;
}

/**
 * A multi-row upsert: values are buffered and written `BATCH` rows per statement, which crosses from JavaScript
 * into SQLite a hundred times less often than one statement per row (the hot path of a large log import).
 * @param target `table (col, col, ...)`; `width` is the number of values `push` takes per row.
 * @param onConflict the upsert clause (empty for a plain insert); rows of one statement that share a key meet it too.
 * @param shared values every row shares, see {@link SharedValues}; without it a row is `width` question marks.
 */
export function batchedUpsert(
  c: Db['$client'],
  target: string,
  width: number,
  onConflict: string,
  shared?: SharedValues,
): BatchedWriter {
  const tuple = shared?.tuple ?? `(${Array.from({ length: width }, () => '?').join(',')})`;
  const sql = (n: number) =>
    `insert into ${target} values ${Array.from({ length: n }, () => tuple).join(',')} ${onConflict}`.trimEnd();
  const full = c.prepare(sql(BATCH));
  // better-sqlite3 binds an array to the `?`s and an object to the named parameters, in one call.
  const run = (st: ReturnType<typeof c.prepare>, values: unknown[]) =>
    shared ? (st.run as (...params: unknown[]) => unknown)(values, shared.values) : st.run(values);
  // One reused parameter array: no allocation per row or per batch.
  const buf: unknown[] = new Array(BATCH * width);
  let n = 0;
  return {
    push: (...values) => {
      for (let i = 0; i < values.length; i++) buf[n++] = values[i];
      if (n === buf.length) {
        run(full, buf);
        n = 0;
      }
    },
    flush: () => {
      if (n) run(c.prepare(sql(n / width)), buf.slice(0, n));
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
