/**
 * Tend's SQLite schema (drizzle). Times are UTC ISO 8601 text; days are `YYYY-MM-DD` in the site time zone.
 * Enums are enforced with CHECK constraints because drizzle does not check them at run time.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, sqliteView, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** The post inventory: one row per post, zero-view posts included. */
export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Canonical path (lib/paths.ts normalizePath), unique: the key traffic is matched on. */
    path: text('path').notNull(),
    url: text('url'),
    title: text('title').notNull(),
    publishedAt: text('published_at'),
    /** Calendar day of publishing in the site time zone (for publish-aligned windows), or null. */
    publishedDay: text('published_day'),
    status: text('status').notNull().default('publish'),
    wordCount: integer('word_count').notNull().default(0),
    commentCount: integer('comment_count'),
    content: text('content').notNull().default(''),
    /** Importer format that last wrote the post (`feed-dump`, `rss`, `wxr`, ...). */
    source: text('source').notNull(),
    /** The source's own id (WXR `post:ID`, Atom id, RSS guid) or null. */
    sourceId: text('source_id'),
    tags: text('tags').notNull().default('[]'),
    author: text('author'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('posts_path_unique').on(t.path),
    uniqueIndex('posts_source_id_unique').on(t.source, t.sourceId),
    index('posts_published_idx').on(t.publishedAt),
    // Narrow copies of what the /posts list sorts and searches on (title, path, published_at) and what the cull
    // suggestion reads of every post (status, published_day): scans of these indexes skip the wide rows (content).
    index('posts_list_idx').on(sql`${t.title} collate nocase`, t.path, t.publishedAt),
    index('posts_status_day_idx').on(t.status, t.publishedDay),
    check('posts_status_check', sql`${t.status} in ('publish','future','draft','private')`),
  ],
);

/** Other paths that lead to a post: old slugs, `?p=ID` short links, feed origLinks, author-mapped paths. */
export const postAliases = sqliteTable(
  'post_aliases',
  {
    path: text('path').primaryKey(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('alias'),
  },
  (t) => [index('post_aliases_post_idx').on(t.postId)],
);

/**
 * Daily traffic per post and source. `origin` identifies the input a row came from (a log file's identity,
 * or the source name for exports), so re-importing the same input replaces its rows instead of adding.
 *
 * Clustered by day first (WITHOUT ROWID, set in migration 0009): a log's rows arrive day by day, so a bulk import
 * appends to one B-tree instead of inserting at random into a second (day) index, which was half of a 1M-line
 * import's write time. An input's rows are found through the days traffic_coverage says it covers; one post's daily
 * series is read from post_day_views (the per-post summary), never from here. Deleting a post (Tend never does)
 * scans this table for its rows.
 */
export const dailyViews = sqliteTable(
  'daily_views',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    source: text('source').notNull(),
    origin: text('origin').notNull(),
    pageViews: integer('page_views').notNull().default(0),
    visitors: integer('visitors'),
    botHits: integer('bot_hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.postId, t.source, t.origin] })],
);

/** Requests whose path matched no post, kept with their counts (never dropped) so they can be mapped later. */
export const unmatchedPaths = sqliteTable(
  'unmatched_paths',
  {
    path: text('path').notNull(),
    day: text('day').notNull(),
    source: text('source').notNull(),
    origin: text('origin').notNull(),
    kind: text('kind').notNull(),
    pageViews: integer('page_views').notNull().default(0),
    botHits: integer('bot_hits').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.path, t.kind, t.day, t.source, t.origin] }),
    index('unmatched_origin_idx').on(t.origin),
    check('unmatched_kind_check', sql`${t.kind} in ('page','feed','asset','api','admin')`),
  ],
);

/** Totals over a range from sources that give no daily numbers (GA4, Umami): never spread into days. */
export const periodViews = sqliteTable(
  'period_views',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    firstDay: text('first_day').notNull(),
    lastDay: text('last_day').notNull(),
    pageViews: integer('page_views'),
    visitors: integer('visitors'),
  },
  (t) => [primaryKey({ columns: [t.postId, t.source, t.firstDay, t.lastDay] })],
);

/** Site-wide daily totals from sources that state them (Plausible's imported_visitors): for comparison, not per post. */
export const siteDailyTotals = sqliteTable(
  'site_daily_totals',
  {
    day: text('day').notNull(),
    source: text('source').notNull(),
    pageViews: integer('page_views').notNull().default(0),
    visitors: integer('visitors'),
  },
  (t) => [primaryKey({ columns: [t.day, t.source] })],
);

/*
 * Summary tables. post_stats and post_metrics (one row per post) reference posts; the larger ones derived from
 * daily traffic (post_curve, post_day_views, post_month_views, post_month_cum, post_curve_rows) do not: every full
 * recompute empties and rewrites them from posts and counted_daily_views, and checking a foreign key on each of
 * their ~350k rows was 0.1 s of a 1M-line log's import (migration 0012). They are WITHOUT ROWID (set in the
 * migrations): one B-tree each, clustered by their key.
 */

/** Per-post summary, recomputed by the importer after every traffic or post import (pages never scan daily_views for it). */
export const postStats = sqliteTable('post_stats', {
  postId: integer('post_id')
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  lifetimeViews: integer('lifetime_views').notNull().default(0),
  first30Views: integer('first30_views').notNull().default(0),
  last30Views: integer('last30_views').notNull().default(0),
  botHits: integer('bot_hits').notNull().default(0),
  lastViewDay: text('last_view_day'),
});

/**
 * Per-post window sums for lib/metrics.ts (raw sums: whether the data covers a window is decided there, at read
 * time). Recomputed with post_stats by db/mutations/metrics.ts after every import. Days are counted from the publish
 * day (day 0); "last N" ends on the newest day of the data.
 */
export const postMetrics = sqliteTable('post_metrics', {
  postId: integer('post_id')
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  first7Views: integer('first7_views').notNull().default(0),
  first30Views: integer('first30_views').notNull().default(0),
  first90Views: integer('first90_views').notNull().default(0),
  last30Views: integer('last30_views').notNull().default(0),
  last90Views: integer('last90_views').notNull().default(0),
  /** Page views on or after the publish day (the lifetime total may include views before it, e.g. of a draft). */
  sincePublishViews: integer('since_publish_views').notNull().default(0),
  /** The day with the most human page views (earliest on ties), or null without views. */
  peakDay: text('peak_day'),
  peakViews: integer('peak_views').notNull().default(0),
});

/**
 * Cumulative human page views of a post in its first `age` days (day 0 = publish day), at fixed ages
 * (lib/metrics.ts CURVE_AGES), for the publish-aligned chart without scanning daily_views per request.
 */
export const postCurve = sqliteTable(
  'post_curve',
  {
    postId: integer('post_id').notNull(),
    age: integer('age').notNull(),
    cumViews: integer('cum_views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.postId, t.age] })],
);

/**
 * Counted human page views and bot hits per post per day, summed over sources (from counted_daily_views), clustered
 * by (post_id, day): the migration makes it WITHOUT ROWID, so a date range is read as one short run per post instead
 * of random lookups. Rebuilt by db/mutations/metrics.ts after every import; the overview's date ranges read it.
 */
export const postDayViews = sqliteTable(
  'post_day_views',
  {
    postId: integer('post_id').notNull(),
    day: text('day').notNull(),
    pageViews: integer('page_views').notNull().default(0),
    botHits: integer('bot_hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.postId, t.day] })],
);

/** Human page views and bot hits per post per calendar month (`YYYY-MM`), for the calendar charts. */
export const postMonthViews = sqliteTable(
  'post_month_views',
  {
    postId: integer('post_id').notNull(),
    month: text('month').notNull(),
    pageViews: integer('page_views').notNull().default(0),
    botHits: integer('bot_hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.postId, t.month] }), index('post_month_views_month_idx').on(t.month)],
);

/** Column name of day `i` (1..31) of a month in post_month_cum: `d01`..`d31`. */
export const monthDayColumn = (i: number) => `d${String(i).padStart(2, '0')}`;

/** Column name of one of lib/metrics.ts CURVE_AGES in post_curve_rows: `age1`..`age730`. */
export const curveAgeColumn = (age: number) => `age${age}`;

/** The ages post_curve_rows has a column for: lib/metrics.ts CURVE_AGES (a test checks they match). */
const CURVE_ROW_AGES = [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365, 545, 730];

const intColumns = (names: string[]) =>
  Object.fromEntries(names.map((n) => [n, integer(n).notNull().default(0)])) as Record<
    string,
    ReturnType<typeof integer>
  >;

/**
 * Cumulative human page views of a post (counted rows, as post_day_views) from the first day of data through each
 * day of a month: `d05` of month `2025-03` is everything up to and including 2025-03-05. The views of any range of
 * days are two lookups per post (through `to`, minus through the day before `from`). Clustered by (month, post): the
 * overview reads one month's rows of every post as one run. Dense: a post has a row for every month from its first
 * month with data to the newest month of data (days past a month's end or past the data repeat the last total).
 * Kept by db/mutations/range-summaries.ts with the other summaries; WITHOUT ROWID (set in the migration).
 */
export const postMonthCum = sqliteTable(
  'post_month_cum',
  {
    month: text('month').notNull(),
    postId: integer('post_id').notNull(),
    ...intColumns(Array.from({ length: 31 }, (_, i) => monthDayColumn(i + 1))),
  },
  (t) => [primaryKey({ columns: [t.month, t.postId] })],
);

/**
 * Human page views per day of the published posts with one authorship label (`unlabelled` for none): the overview's
 * views over time by cohort and its range totals, without reading every post's days. Kept by
 * db/mutations/range-summaries.ts with the other summaries, and moved between labels by triggers on authorship in
 * the same statement as the label write (the migration creates them), so a label change is reflected at once.
 * WITHOUT ROWID (set in the migration).
 */
export const labelDayViews = sqliteTable(
  'label_day_views',
  {
    day: text('day').notNull(),
    label: text('label').notNull(),
    pageViews: integer('page_views').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.label] }),
    check('label_day_views_label_check', sql`${t.label} in ('human','ai-assisted','ai-generated','unlabelled')`),
  ],
);

/**
 * post_curve as one row per post with a publish day, clustered by (published_day, post): the publish-aligned chart
 * of posts published in a range reads one row per post instead of one per age. `ageN` = cumulative human page views
 * in the first N days (lib/metrics.ts CURVE_AGES). Kept by db/mutations/range-summaries.ts; WITHOUT ROWID (set in
 * the migration).
 */
export const postCurveRows = sqliteTable(
  'post_curve_rows',
  {
    publishedDay: text('published_day').notNull(),
    postId: integer('post_id').notNull(),
    ...intColumns(CURVE_ROW_AGES.map(curveAgeColumn)),
  },
  (t) => [primaryKey({ columns: [t.publishedDay, t.postId] })],
);

/**
 * Every published post as the overview lists it, in one row: a JSON array of columns (ids, titles, publish days, word
 * counts, then the raw sums of post_stats and post_metrics), by publish day then id. Labels are not in it: they are
 * read per request. Written by db/mutations/overview-post-list.ts at the end of every summary recompute; triggers on
 * posts, post_stats and post_metrics (migration 0010) delete it on any other write, and the next read rebuilds it.
 */
export const overviewPostList = sqliteTable(
  'overview_post_list',
  {
    id: integer('id').primaryKey(),
    columns: text('columns').notNull(),
  },
  (t) => [check('overview_post_list_one_row', sql`${t.id} = 1`)],
);

/** Authorship label (set by the author) and the suggestion Tend computed (never overwrites the label). */
export const authorship = sqliteTable(
  'authorship',
  {
    postId: integer('post_id')
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    label: text('label'),
    setBy: text('set_by'),
    setAt: text('set_at'),
    suggestedLabel: text('suggested_label'),
    score: integer('score_pct'),
    band: text('band'),
    reason: text('reason'),
    /** JSON array of signals that fired: { id, label, weight, detail, matches }. */
    signals: text('signals').notNull().default('[]'),
    /** Authorship hint from the source's own metadata (tag/category), or null. */
    sourceHint: text('source_hint'),
    /** JSON object { signalId: value } of every signal's measured value (lib/authorship/features.ts), for the per-blog model. */
    features: text('features'),
    /** The rules' own score (0..100) before blending with the per-blog model; score_pct is the blended one. */
    ruleScore: integer('rule_score_pct'),
    /** The per-blog model's score (0..100) trained on the author's labels, or null while there are too few labels. */
    modelScore: integer('model_score_pct'),
  },
  (t) => [
    // Labels read without the wide rows (signals, features): the overview's data fingerprint sums them per request.
    index('authorship_label_idx').on(t.label),
    check('authorship_label_check', sql`${t.label} is null or ${t.label} in ('human','ai-assisted','ai-generated')`),
    check(
      'authorship_suggested_check',
      sql`${t.suggestedLabel} is null or ${t.suggestedLabel} in ('human','ai-assisted','ai-generated')`,
    ),
  ],
);

/** Append-only history of authorship label changes. */
export const authorshipEvents = sqliteTable(
  'authorship_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    oldLabel: text('old_label'),
    newLabel: text('new_label'),
    setBy: text('set_by').notNull(),
    at: text('at').notNull().default(now),
    /** Events written by one bulk action share a batch id, so "undo" takes the whole batch back. */
    batch: text('batch'),
    /** The event this one undid, or null. */
    undoes: integer('undoes'),
  },
  (t) => [index('authorship_events_post_idx').on(t.postId)],
);

/** The author's current keep/cull decision per post. */
export const decisions = sqliteTable(
  'decisions',
  {
    postId: integer('post_id')
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    decision: text('decision').notNull().default('undecided'),
    note: text('note').notNull().default(''),
    updatedAt: text('updated_at').notNull().default(now),
    /** A kept post comes back to the review queue on this day (`YYYY-MM-DD`), or never when null. */
    rereviewOn: text('rereview_on'),
  },
  (t) => [check('decisions_decision_check', sql`${t.decision} in ('undecided','keep','cull')`)],
);

/** Append-only history of decisions, for audit and undo. */
export const decisionEvents = sqliteTable(
  'decision_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    oldDecision: text('old_decision').notNull(),
    newDecision: text('new_decision').notNull(),
    note: text('note').notNull().default(''),
    at: text('at').notNull().default(now),
    /** The re-review day (`YYYY-MM-DD`) this event set on a kept post, or null (so undo can restore it). */
    rereviewOn: text('rereview_on'),
    /** The event this one undid (an undo restores that event's old decision), or null. */
    undoes: integer('undoes'),
  },
  (t) => [index('decision_events_post_idx').on(t.postId), index('decision_events_undoes_idx').on(t.undoes)],
);

/** One row per import run: what was read, what landed, and how it ended. */
export const importRuns = sqliteTable(
  'import_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    format: text('format'),
    file: text('file').notNull(),
    fileHash: text('file_hash'),
    startedAt: text('started_at').notNull().default(now),
    finishedAt: text('finished_at'),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsImported: integer('rows_imported').notNull().default(0),
    rowsBot: integer('rows_bot').notNull().default(0),
    rowsUnmatched: integer('rows_unmatched').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    firstDay: text('first_day'),
    lastDay: text('last_day'),
    status: text('status').notNull(),
    error: text('error'),
    rejects: text('rejects').notNull().default('[]'),
  },
  (t) => [
    check('import_runs_kind_check', sql`${t.kind} in ('posts','views')`),
    check('import_runs_status_check', sql`${t.status} in ('ok','failed')`),
  ],
);

/** Where a culled post should send its visitors: another post, the home page, a URL, or gone (410). */
export const redirects = sqliteTable(
  'redirects',
  {
    postId: integer('post_id')
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    target: text('target').notNull(),
    targetPostId: integer('target_post_id').references(() => posts.id, { onDelete: 'set null' }),
    targetUrl: text('target_url'),
    /** True when the author chose it (a suggestion never overwrites it). */
    chosenByAuthor: integer('chosen_by_author', { mode: 'boolean' }).notNull().default(false),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [check('redirects_target_check', sql`${t.target} in ('post','home','url','gone')`)],
);

/** Referrer hosts of human page views per post, from access logs (for the cull plan: who links here). */
export const postReferrers = sqliteTable(
  'post_referrers',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    origin: text('origin').notNull(),
    /** Referrer host (`news.ycombinator.com`), or `(direct)` when the request had none. */
    referrer: text('referrer').notNull(),
    pageViews: integer('page_views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.postId, t.source, t.origin, t.referrer] })],
);

/** The author's notes on the timeline ("started AI posts"), drawn on the views-over-time chart. */
export const annotations = sqliteTable('annotations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  day: text('day').notNull(),
  text: text('text').notNull(),
  createdAt: text('created_at').notNull().default(now),
});

/** Incremental state of each log file the nightly sync reads: identity, size and the byte offset read so far. */
export const syncFiles = sqliteTable('sync_files', {
  /**
   * The file's identity (the hash of its first data line, lib/traffic/file-head.ts): one state per log whatever
   * source names it, and a rotated file (`access.log` -> `access.log.1`) keeps its state under its new path.
   */
  key: text('key').primaryKey(),
  path: text('path').notNull(),
  device: integer('device'),
  inode: integer('inode'),
  /** Hash of the file's first line: detects a rotated or replaced file at the same path. */
  headHash: text('head_hash'),
  size: integer('size').notNull().default(0),
  offset: integer('offset').notNull().default(0),
  /** Lines before `offset` (blank and `#` lines included), so a resumed read numbers its lines from the file's start; null: not known yet (a state saved before this column existed). */
  lines: integer('lines'),
  updatedAt: text('updated_at').notNull().default(now),
});

/** One row per `npm run sync` run. */
export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startedAt: text('started_at').notNull().default(now),
    finishedAt: text('finished_at'),
    status: text('status').notNull(),
    /** JSON array of { source, ok, summary | error }. */
    results: text('results').notNull().default('[]'),
  },
  (t) => [check('sync_runs_status_check', sql`${t.status} in ('running','ok','partial','failed')`)],
);

/**
 * Which days each traffic input covers: one row per (source, origin, day) with any data, or every day of an export's
 * stated period. Kept by db/mutations/traffic.ts with the rows it describes; read by the coverage timeline and by
 * the per-day winner rule below.
 */
export const trafficCoverage = sqliteTable(
  'traffic_coverage',
  {
    source: text('source').notNull(),
    origin: text('origin').notNull(),
    day: text('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.origin, t.day] }), index('traffic_coverage_day_idx').on(t.day)],
);

/**
 * The source that counts on each day where sources overlap (by the configured priority, default access-log >
 * plausible > goatcounter > views-csv). Recomputed after every traffic import; the other sources' rows stay in
 * daily_views for comparison.
 */
export const trafficWinners = sqliteTable('traffic_winners', {
  day: text('day').primaryKey(),
  source: text('source').notNull(),
});

/**
 * daily_views without double counting: on a day several sources cover, only the winning source's rows. Every sum of
 * page views across sources (post_stats, overview, charts) reads this view, not daily_views.
 */
export const countedDailyViews = sqliteView('counted_daily_views', {
  postId: integer('post_id').notNull(),
  day: text('day').notNull(),
  source: text('source').notNull(),
  origin: text('origin').notNull(),
  pageViews: integer('page_views').notNull(),
  visitors: integer('visitors'),
  botHits: integer('bot_hits').notNull(),
}).as(
  sql`select v.post_id, v.day, v.source, v.origin, v.page_views, v.visitors, v.bot_hits from daily_views v left join traffic_winners w on w.day = v.day where w.source is null or w.source = v.source`,
);

/** Key/value settings (site URL, time zone). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type ImportRun = typeof importRuns.$inferSelect;
