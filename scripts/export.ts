/**
 * Export the post inventory with numbers, labels and decisions, or the cull plan.
 *
 * Usage: npm run export -- posts [--format csv|json] [--out FILE]
 *        npm run export -- plan [--format nginx|apache|netlify|redirection-csv|gone|decisions-csv|archive] [--out FILE]
 * Writes to standard output unless --out is given. Database: TEND_DB (default data/tend.db).
 * Exit codes: 0 written, 1 failed, 2 bad arguments.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openDb } from '../db/client';
import { migrate } from '../db/migrate';
import { listPosts } from '../db/queries/posts';
import { type PostExportRow, postsToCsv, postsToJson } from '../lib/export';
import { PLAN_HELP, runPlanExport } from './export-plan';

const HELP = `Usage: npm run export -- posts [--format csv|json] [--out FILE]
  Every post, one row each: id, path, title, published_at (ISO 8601 UTC), authorship, suggested_authorship,
  lifetime_page_views, first_30_days_page_views, bot_hits, decision, note.
  CSV cells starting with = + - @ are prefixed with ' so spreadsheets do not run them.

${PLAN_HELP}`;

function main(): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    console.log(HELP);
    return 0;
  }
  if (args.positionals[0] === 'plan') {
    const db = openDb();
    migrate(db);
    try {
      return runPlanExport(db, args.values.format as string | undefined, args.values.out as string | undefined);
    } finally {
      db.$client.close();
    }
  }
  const format = (args.values.format as string | undefined) ?? 'csv';
  if (args.positionals[0] !== 'posts' || !['csv', 'json'].includes(format)) {
    const what = args.positionals[0];
    const problem =
      what === undefined
        ? 'say what to export: posts or plan'
        : what !== 'posts'
          ? `"${what}" is not something to export: use posts or plan`
          : `posts export as "${format}" is not supported: use --format csv or json`;
    console.error(`${problem}\n\n${HELP}`);
    return 2;
  }
  const db = openDb();
  migrate(db);
  const rows: PostExportRow[] = listPosts(db, { sort: 'published', dir: 'asc' }).map((p) => ({
    id: p.id,
    path: p.path,
    title: p.title,
    published_at: p.publishedAt,
    authorship: p.label,
    suggested_authorship: p.suggestedLabel,
    lifetime_page_views: p.lifetimeViews,
    first_30_days_page_views: p.first30Views,
    bot_hits: p.botHits,
    decision: p.decision,
    note: p.note,
  }));
  db.$client.close();
  const text = format === 'json' ? postsToJson(rows) : postsToCsv(rows);
  if (args.values.out) {
    fs.writeFileSync(args.values.out as string, text);
    console.error(`wrote ${rows.length} posts to ${args.values.out}`);
  } else process.stdout.write(text);
  return 0;
}

process.exit(main());
