/**
 * Keeps the metric summaries current: post_metrics (window sums, peak day), post_curve (cumulative views at fixed
 * days since publishing) and post_month_views (views per calendar month). Called at the end of
 * recomputePostStats, inside the import's transaction, so pages never scan daily_views for these numbers.
 * The definitions live in lib/metrics.ts; the SQL below must agree with its reference functions (tested).
 * Sums read `counted_daily_views` (one source per day where sources overlap, so nothing is counted twice); "the last
 * N days" end on the newest day any traffic input covers (`traffic_coverage`).
 */
import { CURVE_AGES } from '../../lib/metrics';
import type { Db } from '../client';

type Tx = Pick<Db, '$client'>;

// Bucket of a day's age: the smallest curve age it counts toward (ages are "first N days": days 0..N-1).
const AGE_BUCKET = `case ${CURVE_AGES.map((a) => `when age < ${a} then ${a}`).join(' ')} end`;
const AGES_VALUES = CURVE_AGES.map((a) => `(${a})`).join(',');
const MAX_AGE = CURVE_AGES[CURVE_AGES.length - 1];

/** Recompute every post's metric summaries from counted_daily_views (three GROUP BY passes). */
export function recomputePostMetrics(tx: Tx): void {
  tx.$client.exec(`
    delete from post_metrics;
    with b as (select date(max(day), '-29 days') as s30, date(max(day), '-89 days') as s90 from traffic_coverage),
    pp as (select id, published_day as pd, date(published_day, '+7 days') as e7, date(published_day, '+30 days') as e30,
             date(published_day, '+90 days') as e90 from posts),
    d as materialized (select post_id, day, sum(page_views) as pv from counted_daily_views group by post_id, day),
    w as (select pp.id,
        coalesce(sum(case when d.day >= pp.pd and d.day < pp.e7 then d.pv end), 0) as f7,
        coalesce(sum(case when d.day >= pp.pd and d.day < pp.e30 then d.pv end), 0) as f30,
        coalesce(sum(case when d.day >= pp.pd and d.day < pp.e90 then d.pv end), 0) as f90,
        coalesce(sum(case when d.day >= b.s30 then d.pv end), 0) as l30,
        coalesce(sum(case when d.day >= b.s90 then d.pv end), 0) as l90,
        coalesce(sum(case when d.day >= pp.pd then d.pv end), 0) as sp
      from pp cross join b left join d on d.post_id = pp.id group by pp.id),
    pk as (select post_id, day, pv from (select post_id, day, pv,
        row_number() over (partition by post_id order by pv desc, day) as rn from d where pv > 0) where rn = 1)
    insert into post_metrics (post_id, first7_views, first30_views, first90_views, last30_views, last90_views,
      since_publish_views, peak_day, peak_views)
    select w.id, w.f7, w.f30, w.f90, w.l30, w.l90, w.sp, pk.day, coalesce(pk.pv, 0)
    from w left join pk on pk.post_id = w.id;

    delete from post_curve;
    with ages(a) as (values ${AGES_VALUES}),
    pp as (select id, published_day as pd, date(published_day, '+${MAX_AGE} days') as pe from posts
           where published_day is not null),
    d as (select v.post_id, cast(julianday(v.day) - julianday(pp.pd) as integer) as age, v.page_views as pv
          from counted_daily_views v join pp on pp.id = v.post_id where v.day >= pp.pd and v.day < pp.pe),
    bk as (select post_id, ${AGE_BUCKET} as a, sum(pv) as pv from d group by post_id, a)
    insert into post_curve (post_id, age, cum_views)
    select pp.id, ages.a, sum(coalesce(bk.pv, 0)) over (partition by pp.id order by ages.a)
    from pp cross join ages left join bk on bk.post_id = pp.id and bk.a = ages.a;

    delete from post_month_views;
    insert into post_month_views (post_id, month, page_views, bot_hits)
    select post_id, substr(day, 1, 7), sum(page_views), sum(bot_hits) from counted_daily_views
    group by post_id, substr(day, 1, 7);`);
}
