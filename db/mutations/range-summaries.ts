/**
 * The overview's range summaries (db/schema.ts): post_month_cum (a post's cumulative page views through every day,
 * so a range is two lookups per post), label_day_views (page views per day of the published posts of each label)
 * and post_curve_rows (the publish-aligned curve as one row per post, by publish day).
 *
 * Kept current with the other summaries, inside the import's transaction: the full recompute writes them from its
 * own per-post accumulators (db/mutations/metrics.ts), the incremental one rewrites only the touched posts' months
 * from the first touched day on (db/mutations/summaries-incremental.ts). Label writes move a post's views between
 * labels in label_day_views through triggers on authorship (migration 0008), in the same statement as the write.
 * A post import runs the full recompute, so status and publish-day changes are covered by it.
 */
import { CURVE_AGES } from '../../lib/metrics';
import { PostAccumulator } from '../../lib/metrics-sums';
import type { Db } from '../client';
import { curveAgeColumn, monthDayColumn } from '../schema';
import { batchedInsert } from './batched-upsert';
import { writeOverviewPostList } from './overview-post-list';
import { forEachPostDays, postDaysReader } from './post-day-rows';
import { newestCountedDay, type Touched } from './traffic-touched';

type Tx = Pick<Db, '$client'>;

const DAY_COLUMNS = Array.from({ length: 31 }, (_, i) => monthDayColumn(i + 1));
const INSERT_CUM = `insert or replace into post_month_cum (month, post_id, ${DAY_COLUMNS.join(', ')})
  values (?, ?, ${DAY_COLUMNS.map(() => '?').join(', ')})`;
const INSERT_CURVE = `insert or replace into post_curve_rows (published_day, post_id,
  ${CURVE_AGES.map(curveAgeColumn).join(', ')}) values (?, ?, ${CURVE_AGES.map(() => '?').join(', ')})`;
const ADD_LABEL_DAY = `insert into label_day_views (day, label, page_views) values (?, ?, ?)
  on conflict (day, label) do update set page_views = page_views + excluded.page_views`;

/** The month after `YYYY-MM`. */
export function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** The month before `YYYY-MM`. */
function previousMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/** Per published post, the label its views count under in label_day_views (`unlabelled` for none). */
function publishedLabels(tx: Tx): Map<number, string> {
  const rows = tx.$client
    .prepare(`select p.id, coalesce(a.label, 'unlabelled') from posts p left join authorship a on a.post_id = p.id
      where p.status = 'publish'`)
    .raw()
    .all() as [number, string][];
  return new Map(rows);
}

/** Page views per label, month and day of the month, added up before they are written to label_day_views. */
class LabelDays {
  private readonly byLabel = new Map<string, Map<string, Float64Array>>();
  /** The 31 day slots of one label's month. */
  month(label: string, month: string): Float64Array {
    let months = this.byLabel.get(label);
    if (!months) {
      months = new Map();
      this.byLabel.set(label, months);
    }
    let days = months.get(month);
    if (!days) {
      days = new Float64Array(31);
      months.set(month, days);
    }
    return days;
  }
  /** Add the sums to label_day_views (rows are created as needed; days that add nothing are left out). */
  write(tx: Tx): void {
    const st = tx.$client.prepare(ADD_LABEL_DAY);
    for (const [label, months] of this.byLabel)
      for (const [m, days] of months)
        for (let i = 0; i < 31; i++)
          if (days[i] !== 0) st.run(`${m}-${String(i + 1).padStart(2, '0')}`, label, days[i]);
  }
}

/**
 * Rebuild all three tables from per-post accumulators that saw every counted day (the full recompute's pass over
 * post_day_views). `posts` maps every post id to its publish day; `accs` holds the posts with any daily row.
 */
export function writeRangeSummaries(
  tx: Tx,
  posts: ReadonlyMap<number, string | null>,
  accs: ReadonlyMap<number, PostAccumulator>,
): void {
  const c = tx.$client;
  c.exec('delete from post_month_cum; delete from label_day_views; delete from post_curve_rows;');
  let last: string | null = null;
  for (const acc of accs.values()) for (const m of acc.months.keys()) if (last === null || m > last) last = m;
  const labels = publishedLabels(tx);
  const labelDays = new LabelDays();
  // The tables were just emptied: plain multi-row inserts.
  const cum = batchedInsert(c, `post_month_cum (month, post_id, ${DAY_COLUMNS.join(', ')})`, 33);
  const curve = batchedInsert(
    c,
    `post_curve_rows (published_day, post_id, ${CURVE_AGES.map(curveAgeColumn).join(', ')})`,
    2 + CURVE_AGES.length,
  );
  const row = new Array<number | string>(33);
  for (const [id, pd] of posts) {
    const acc = accs.get(id);
    if (pd) curve.push(pd, id, ...(acc ? acc.curve() : CURVE_AGES.map(() => 0)));
    if (!acc || last === null || acc.months.size === 0) continue;
    const label = labels.get(id);
    const months = [...acc.months.keys()].sort();
    let total = 0;
    row[1] = id;
    for (let m = months[0]; m <= last; m = nextMonth(m)) {
      const days = acc.months.get(m)?.days;
      const sums = label !== undefined && days ? labelDays.month(label, m) : null;
      row[0] = m;
      for (let i = 0; i < 31; i++) {
        const v = days ? days[i] : 0;
        total += v;
        row[i + 2] = total;
        if (sums) sums[i] += v;
      }
      cum.push(...row);
    }
  }
  cum.flush();
  curve.flush();
  labelDays.write(tx);
  writeOverviewPostList(tx);
}

/**
 * Bring the range summaries of the posts an import touched up to date, after every other summary of theirs was
 * rewritten (the last step of recomputeTouchedSummaries). Per post, only the months from the first touched day on
 * are rewritten; each day's change of views is applied to the post's label in label_day_views. When the newest month
 * of data moves, untouched posts get rows for the new months (their total carried over). Then overview_post_list.
 */
export function updateRangeSummaries(tx: Tx, t: Touched): void {
  if (ensureRangeSummaries(tx)) updateTouched(tx, t);
  writeOverviewPostList(tx);
}

function updateTouched(tx: Tx, t: Touched): void {
  const c = tx.$client;
  const oldLast = c.prepare('select max(month) from post_month_cum').pluck().get() as string | null;
  const newest = newestCountedDay(tx);
  let last = oldLast;
  if (newest && (last === null || newest.slice(0, 7) > last)) last = newest.slice(0, 7);
  if (last === null) return; // no daily rows at all, before or now
  const labels = publishedLabels(tx);
  const labelDays = new LabelDays();
  const oldRow = c.prepare('select * from post_month_cum where month = ? and post_id = ?').raw();
  const daysOf = postDaysReader(tx);
  const pub = c.prepare('select published_day from posts where id = ?').pluck();
  const curveOf = c.prepare('select cum_views from post_curve where post_id = ? order by age').pluck();
  const cum = c.prepare(INSERT_CUM);
  const curve = c.prepare(INSERT_CURVE);
  // By the whole key: post_curve_rows is clustered by (published_day, post_id), so a delete by post_id alone scanned
  // the table once per post (0.1 s of a nightly import at 5,000 posts). A post's publish day only changes with a posts
  // import, which runs the full recompute.
  const delCurve = c.prepare('delete from post_curve_rows where published_day = ? and post_id = ?');
  const row = new Array<number | string>(33);
  for (const [id, touchedDays] of t.pairs) {
    let first = '9999-99-99';
    for (const d of touchedDays) if (d < first) first = d;
    const from = first.slice(0, 7);
    // New views by month and day of month, from the first touched month on.
    const fresh = new Map<string, Int32Array>();
    const { days, pageViews } = daysOf(id, `${from}-01`);
    for (let i = 0; i < days.length; i++) {
      const day = days[i];
      const pv = pageViews[i];
      const m = day.slice(0, 7);
      let a = fresh.get(m);
      if (!a) {
        a = new Int32Array(31);
        fresh.set(m, a);
      }
      a[Number(day.slice(8, 10)) - 1] += pv;
    }
    // The total before `from`: rows are dense up to the old newest month (later months get theirs below).
    let prior = previousMonth(from);
    if (oldLast !== null && prior > oldLast) prior = oldLast;
    const before = oldLast === null ? undefined : (oldRow.get(prior, id) as (string | number)[] | undefined);
    let total = before ? (before[32] as number) : 0;
    let oldTotal = total;
    const label = labels.get(id);
    row[1] = id;
    for (let m = from; m <= last; m = nextMonth(m)) {
      const old = oldRow.get(m, id) as (string | number)[] | undefined;
      const days = fresh.get(m);
      if (!old && !days && total === 0) continue; // nothing before and nothing here: no row yet
      const sums = label !== undefined ? labelDays.month(label, m) : null;
      row[0] = m;
      for (let i = 0; i < 31; i++) {
        const v = days ? days[i] : 0;
        total += v;
        row[i + 2] = total;
        const oldCum = old ? (old[i + 2] as number) : oldTotal;
        // The day's views now, less what it had (the step of the old cumulative row).
        if (sums) sums[i] += v - (oldCum - oldTotal);
        oldTotal = oldCum;
      }
      cum.run(row);
    }
    const pd = pub.get(id) as string | null;
    if (pd) {
      delCurve.run(pd, id);
      const values = curveOf.all(id) as number[];
      curve.run(pd, id, ...(values.length === CURVE_AGES.length ? values : CURVE_AGES.map(() => 0)));
    }
  }
  labelDays.write(tx);
  if (oldLast !== null) carryForward(tx, oldLast, last);
}

/** Rows for months after `from` up to `to` for every post that has none yet: its total carried over. */
function carryForward(tx: Tx, from: string, to: string): void {
  const copy = tx.$client.prepare(`insert or ignore into post_month_cum (month, post_id, ${DAY_COLUMNS.join(', ')})
    select ?, post_id, ${DAY_COLUMNS.map(() => 'd31').join(', ')} from post_month_cum where month = ?`);
  for (let m = from; m < to; ) {
    const next = nextMonth(m);
    copy.run(next, m);
    m = next;
  }
}

/**
 * Rebuild the range summaries when they are missing (a database that had traffic before they existed): true when
 * they were current. Cheap when they are: two counts and two existence checks.
 */
export function ensureRangeSummaries(tx: Tx): boolean {
  const c = tx.$client;
  const r = c
    .prepare(`select (select count(*) from posts where published_day is not null) as dated,
      (select count(*) from post_curve_rows) as curves,
      exists (select 1 from post_day_views) as views, exists (select 1 from post_month_cum) as cums`)
    .get() as { dated: number; curves: number; views: number; cums: number };
  if (r.dated === r.curves && r.views === r.cums) return true;
  rebuildRangeSummaries(tx);
  return false;
}

/** Rebuild the range summaries from post_day_views alone (one pass over it), as the full recompute would. */
export function rebuildRangeSummaries(tx: Tx): void {
  const c = tx.$client;
  c.transaction(() => {
    const posts = new Map(
      (c.prepare('select id, published_day from posts').raw().all() as [number, string | null][]).map(([id, pd]) => [
        id,
        pd,
      ]),
    );
    const accs = new Map<number, PostAccumulator>();
    forEachPostDays(tx, (id, { days, pageViews, botHits }) => {
      const acc = new PostAccumulator(posts.get(id) ?? null, null);
      for (let i = 0; i < days.length; i++) acc.add(days[i], pageViews[i], botHits[i]);
      accs.set(id, acc);
    });
    writeRangeSummaries(tx, posts, accs);
  })();
}
