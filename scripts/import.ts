/**
 * Import posts or page views into the Tend database.
 *
 * Usage:
 *   npm run import -- posts FILE [--format NAME] [--include-pages]
 *   npm run import -- views FILE [--format access-log|views-csv]
 *
 * Database: TEND_DB (default data/tend.db), migrated first. Site time zone: the `timeZone` setting or
 * TEND_TIMEZONE (default UTC).
 * Exit codes: 0 imported (malformed lines are reported and skipped), 1 the file was not imported (nothing written),
 * 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { databasePath, openDb } from '../db/client';
import { importViewsFile } from '../db/import-views';
import { formatSummary, importPostsFile, recordFailedRun } from '../db/importers';
import { migrate } from '../db/migrate';

const HELP = `Usage:
  npm run import -- posts FILE [--format NAME] [--include-pages]
      Import the blog's posts. Formats (detected from the content): the plain-text feed dump,
      RSS 0.9x/2.0, Atom 1.0, WordPress WXR. --include-pages also imports WXR pages.
  npm run import -- views FILE [--format access-log|views-csv]
      Import page views: an Apache/nginx combined or common access log (.gz too), or a CSV
      with the header date,path,views (optional columns visitors, bot_hits).

Each file is one transaction: it lands whole or not at all. Re-importing the same file changes nothing.
Malformed lines are reported with their line number and skipped.
Database: TEND_DB (now ${databasePath()}). Time zone: TEND_TIMEZONE or the timeZone setting (default UTC).`;

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'include-pages': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const [kind, file] = positionals;
  if ((kind !== 'posts' && kind !== 'views') || !file || positionals.length > 2) {
    console.error(HELP);
    return 2;
  }
  const db = openDb();
  migrate(db);
  try {
    const format = values.format as string | undefined;
    const summary =
      kind === 'posts'
        ? await importPostsFile(db, file, { format, includePages: Boolean(values['include-pages']) })
        : await importViewsFile(db, file, { format });
    for (const r of summary.rejects.slice(0, 20))
      console.error(`rejected ${r.file}${r.line ? `:${r.line}` : ''}${r.item ? ` (${r.item})` : ''}: ${r.reason}`);
    if (summary.rejects.length > 20) console.error(`... and ${summary.rejects.length - 20} more rejected`);
    for (const w of summary.warnings.slice(0, 20))
      console.error(`warning ${w.file}${w.line ? `:${w.line}` : ''}${w.item ? ` (${w.item})` : ''}: ${w.reason}`);
    const skipped = Object.entries(summary.skipped);
    if (skipped.length) console.log(`skipped: ${skipped.map(([k, v]) => `${v} ${k}`).join(', ')}`);
    console.log(formatSummary(summary));
    return 0;
  } catch (err) {
    const msg = (err as Error).message;
    recordFailedRun(db, kind, file, msg);
    console.error(`import failed, nothing written: ${msg}`);
    return 1;
  } finally {
    db.$client.close();
  }
}

main().then((code) => process.exit(code));
