/**
 * Absurd and hostile inputs through the real CLI (`scripts/import.ts`) in a child process whose heap is capped at
 * 256 MB: each must exit 1 with a clear message, write nothing (the data tables are unchanged, the failed run is
 * recorded), and not run out of memory. The big inputs are generated here, never held in memory: the 2 GB line is a
 * sparse file, the zip bomb repeats one small gzip member.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from './client';
import { importViewsFile } from './import-views';
import { importPostsFile } from './importers';
import { migrate } from './migrate';
import { snapshot } from './test-helpers';

const ROOT = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-hostile-'));
const dbFile = path.join(dir, 'tend.db');
const LOG_LINE =
  '192.0.2.10 - - [02/Mar/2024:08:00:01 +0000] "GET /2024/03/why-i-stopped-digging/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0"\n';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** `npm run import -- KIND FILE` with a 256 MB heap; killed after 60 s (then `signal` is set). */
function runImport(kind: 'posts' | 'views', file: string, extra: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=256', '--import', 'tsx', 'scripts/import.ts', kind, file, ...extra],
      { cwd: ROOT, env: { ...process.env, TEND_DB: dbFile }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/** Write `parts` to `file`, each part a string or a generator of chunks (so nothing large is built in memory). */
function writeStreamed(file: string, parts: (string | (() => Iterable<string>))[]): void {
  const fd = fs.openSync(file, 'w');
  for (const p of parts) {
    if (typeof p === 'string') fs.writeSync(fd, p);
    else for (const chunk of p()) fs.writeSync(fd, chunk);
  }
  fs.closeSync(fd);
}

function* repeat(chunk: string, times: number): Iterable<string> {
  for (let i = 0; i < times; i++) yield chunk;
}

let before: ReturnType<typeof snapshot>;

beforeAll(async () => {
  const db = openDb(dbFile);
  migrate(db);
  await importPostsFile(db, path.join(ROOT, 'fixtures', 'e2e', 'feed.xml'));
  await importViewsFile(db, path.join(ROOT, 'fixtures', 'e2e', 'access.log'));
  before = snapshot(db);
  db.$client.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the import and checks: exit 1, the message, nothing written, the failure recorded. */
async function expectCleanFailure(
  kind: 'posts' | 'views',
  file: string,
  message: RegExp,
  extra: string[] = [],
): Promise<void> {
  const run = await runImport(kind, file, extra);
  expect(run.signal, `killed: ${run.stderr.slice(-500)}`).toBeNull();
  expect(run.stderr).not.toMatch(/heap out of memory|Maximum call stack/i);
  expect(run.code, run.stderr.slice(-500)).toBe(1);
  expect(run.stderr).toMatch(/import failed, nothing written/);
  expect(run.stderr).toMatch(message);
  const db = openDb(dbFile);
  try {
    expect(snapshot(db)).toEqual(before);
    const last = db.$client.prepare('select status, error from import_runs order by id desc limit 1').get() as {
      status: string;
      error: string;
    };
    expect(last.status).toBe('failed');
    expect(last.error).toMatch(message);
  } finally {
    db.$client.close();
  }
}

describe('absurd inputs fail cleanly, in bounded memory, writing nothing', () => {
  it('an access log with a 2 GB line', async () => {
    const file = path.join(dir, 'two-gb-line.log');
    writeStreamed(file, [LOG_LINE, '192.0.2.11 - - [02/Mar/2024:08:00:02 +0000] "GET /']);
    fs.truncateSync(file, 2 * 1024 ** 3 + 100); // sparse: 2 GB of NUL bytes without a line break, no disk used
    await expectCleanFailure('views', file, /line 2 is longer than 1 MiB/);
  });

  it('a gzip bomb (1 GB of log lines from about 1 MB of gzip)', async () => {
    const member = zlib.gzipSync(Buffer.from(LOG_LINE.repeat(Math.floor((4 * 1024 * 1024) / LOG_LINE.length))), {
      level: 9,
    });
    const file = path.join(dir, 'access.log.gz');
    const fd = fs.openSync(file, 'w');
    for (let i = 0; i < 256; i++) fs.writeSync(fd, member);
    fs.closeSync(fd);
    expect(fs.statSync(file).size).toBeLessThan(4 * 1024 * 1024);
    await expectCleanFailure('views', file, /inflates more than 200 times/);
  });

  it('a feed with a 50 MB title', async () => {
    const file = path.join(dir, 'huge-title.xml');
    writeStreamed(file, [
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Blog</title>\n<item><title>',
      () => repeat('A'.repeat(1024 * 1024), 50),
      '</title><link>https://b.example/a</link></item></channel></rss>\n',
    ]);
    await expectCleanFailure('posts', file, /line 3: a title is over 100,000 characters long/);
  });

  it('a feed-dump text with a 50 MB title line', async () => {
    const file = path.join(dir, 'huge-title.txt');
    writeStreamed(file, [
      'September 25, 2025\n',
      () => repeat('B'.repeat(1024 * 1024), 50),
      '\nPublished on September 25, 2025 14:32\n\nBody.\n',
    ]);
    await expectCleanFailure('posts', file, /the title is 52,428,800 characters long, over the limit of 10,000/);
  });

  it('a WordPress export with a billion-laughs entity expansion', async () => {
    const levels = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const file = path.join(dir, 'laughs.xml');
    fs.writeFileSync(
      file,
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${levels.join('\n')}\n]>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>\n<item><title>&lol9;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item></channel></rss>\n`,
    );
    await expectCleanFailure('posts', file, /line 2: the DOCTYPE declares entities/);
  });

  it('a feed nested 100,000 elements deep', async () => {
    const file = path.join(dir, 'deep.xml');
    writeStreamed(file, [
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>t</title><link>https://b.example/a</link>\n<description>',
      () => repeat('<div>', 100_000),
      'x',
      () => repeat('</div>', 100_000),
      '</description></item></channel></rss>\n',
    ]);
    await expectCleanFailure('posts', file, /elements are nested more than 100 deep/);
  });

  it('a views CSV with 10,000 columns', async () => {
    const file = path.join(dir, 'wide.csv');
    const extra = Array.from({ length: 9997 }, (_, i) => `c${i}`).join(',');
    const cells = Array.from({ length: 9997 }, () => '1').join(',');
    writeStreamed(file, [`date,path,views,${extra}\n`, () => repeat(`2024-03-02,/a/,1,${cells}\n`, 200)]);
    // Detection alone already refuses it (the header is longer than what it reads); --format reaches the CSV reader.
    await expectCleanFailure('views', file, /not a known traffic format|the header has 10,000 columns/);
    await expectCleanFailure('views', file, /the header has 10,000 columns, over the limit of 1,000/, [
      '--format',
      'views-csv',
    ]);
  });
});
