/**
 * Import posts or page views into the Tend database.
 *
 * Usage:
 *   npm run import -- posts FILE [--format NAME] [--include-pages]
 *   npm run import -- views FILE... [--format NAME] [--log-format FMT] [--locale TAG] [--period FIRST..LAST]
 *
 * Database: TEND_DB (default data/tend.db), migrated first. Site time zone: the `timeZone` setting or
 * TEND_TIMEZONE (default UTC).
 * Exit codes: 0 imported (malformed lines are reported and skipped), 1 a file was not imported (nothing of it
 * written), 2 bad arguments.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { databasePath, openDb } from '../db/client';
import { importViewsFile } from '../db/import-views';
import { formatSummary, type ImportSummary, importPostsFile, recordFailedRun } from '../db/importers';
import { migrate } from '../db/migrate';
import { createProgress } from '../lib/sync/progress';
import { TRAFFIC_FORMATS } from '../lib/traffic/detect';

const HELP = `Usage:
  npm run import -- posts FILE [--format NAME] [--include-pages]
      Import the blog's posts (a file, or a folder for Markdown and Substack exports). Formats, detected
      from the content: feed-dump (the plain-text feed dump), rss (RSS 0.9x/1.0/2.0), atom, wxr (WordPress
      export), ghost (Ghost JSON), markdown (a folder of .md files with front matter), substack-csv.
      --include-pages also imports WXR and Ghost pages.
  npm run import -- views FILE... [--format NAME] [--log-format FMT] [--locale TAG] [--period FIRST..LAST]
      Import page views from access logs (Apache/nginx combined or common, Caddy JSON, CloudFront/IIS;
      .gz and rotated files such as access.log.1 too) or analytics exports (Plausible, GA4, Universal
      Analytics, Jetpack/WordPress.com, Matomo, Umami, GoatCounter, a CSV with page and views columns).
      --format NAME      one of: ${TRAFFIC_FORMATS.join(', ')}
      --log-format FMT   a custom log format, nginx style ('$remote_addr - $remote_user [$time_local] "$request" ...')
                         or GoAccess style ('%h %^[%d:%t %^] "%r" %s %b "%R" "%u"')
      --locale TAG       digit grouping of the numbers, e.g. de (1.234 = 1234) or fr (1 234)
      --period F..L      the days a totals-only export covers (GA4, Umami, Jetpack, Matomo without dates)
      --replace          let a log replace an earlier import of the same log although it has fewer lines

Each file is one transaction: it lands whole or not at all. Re-importing the same file changes nothing.
Malformed lines are reported with their line number and skipped.
Database: TEND_DB (now ${databasePath()}). Time zone: TEND_TIMEZONE or the timeZone setting (default UTC).`;

function printSummary(summary: ImportSummary & { notes?: string[] }): void {
  for (const r of summary.rejects.slice(0, 20))
    console.error(`rejected ${r.file}${r.line ? `:${r.line}` : ''}${r.item ? ` (${r.item})` : ''}: ${r.reason}`);
  if (summary.rejects.length > 20) console.error(`... and ${summary.rejected - 20} more rejected`);
  for (const w of summary.warnings.slice(0, 20))
    console.error(`warning ${w.file}${w.line ? `:${w.line}` : ''}${w.item ? ` (${w.item})` : ''}: ${w.reason}`);
  const skipped = Object.entries(summary.skipped);
  if (skipped.length) console.log(`skipped: ${skipped.map(([k, v]) => `${v} ${k}`).join(', ')}`);
  for (const n of summary.notes ?? []) console.log(`note: ${n}`);
  console.log(formatSummary(summary));
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'log-format': { type: 'string' },
        locale: { type: 'string' },
        period: { type: 'string' },
        'include-pages': { type: 'boolean' },
        replace: { type: 'boolean' },
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
  const [kind, ...files] = positionals;
  const problem =
    kind === undefined
      ? 'say what to import: posts or views'
      : kind !== 'posts' && kind !== 'views'
        ? `"${kind}" is not something to import: use posts or views`
        : files.length === 0
          ? `name the ${kind} file to import`
          : kind === 'posts' && files.length > 1
            ? `import one posts file at a time (got ${files.length})`
            : null;
  if (problem || (kind !== 'posts' && kind !== 'views')) {
    console.error(`${problem}\n\n${HELP}`);
    return 2;
  }
  const db = openDb();
  migrate(db);
  let failed = 0;
  try {
    for (const file of files) {
      const progress =
        kind === 'views' && !values.quiet && fs.existsSync(file)
          ? createProgress({ label: file, totalBytes: fs.statSync(file).size })
          : null;
      try {
        const format = values.format as string | undefined;
        const summary =
          kind === 'posts'
            ? await importPostsFile(db, file, { format, includePages: Boolean(values['include-pages']) })
            : await importViewsFile(db, file, {
                format,
                logFormat: values['log-format'] as string | undefined,
                locale: values.locale as string | undefined,
                period: values.period as string | undefined,
                replace: Boolean(values.replace),
                onProgress: progress ? (lines, bytes) => progress.update(lines, bytes) : undefined,
              });
        progress?.stop();
        printSummary(summary);
      } catch (err) {
        progress?.stop();
        const msg = (err as Error).message;
        recordFailedRun(db, kind, file, msg);
        console.error(`import failed, nothing written: ${msg}`);
        failed++;
      }
    }
    return failed > 0 ? 1 : 0;
  } finally {
    db.$client.close();
  }
}

main().then((code) => process.exit(code));
