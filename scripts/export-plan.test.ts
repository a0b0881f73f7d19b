import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importViewsFile } from '../db/import-views';
import { importPostsFile } from '../db/importers';
import { setDecision } from '../db/mutations/decisions';
import { setRedirect } from '../db/mutations/redirects';
import { ownFixture, tempDb } from '../db/test-helpers';

// `npm run export -- plan` end to end (tsx, a real database file from fixtures/pruning), and `posts` still working.
let t: ReturnType<typeof tempDb>;
const run = (...args: string[]) =>
  spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/export.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TEND_DB: t.file },
  });

beforeAll(async () => {
  t = tempDb();
  await importPostsFile(t.db, ownFixture('pruning', 'feed.xml'));
  await importViewsFile(t.db, ownFixture('pruning', 'views.csv'));
  setDecision(t.db, 1, 'keep', '');
  setDecision(t.db, 2, 'cull', '');
  setDecision(t.db, 5, 'cull', '');
  setRedirect(t.db, { postId: 5, target: 'gone' });
});
afterAll(() => t.cleanup());

describe('npm run export -- plan', () => {
  it('prints the cost and the redirects without --format', () => {
    const r = run('plan');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cull plan: 2 posts.');
    expect(r.stdout).toContain(
      "Cost: 7 page views in the last 90 days (2024-10-03 to 2024-12-31) = 8.5% of all posts' 82",
    );
    expect(r.stdout).toMatch(/\/2024\/02\/runner-beans-five-facts -> 301 \/2024\/01\/runner-beans-wigwam\//);
    expect(r.stdout).toMatch(/\/2024\/05\/café-walk-\(old\) -> 410 gone/);
  });

  it('writes each format to --out, the summary going to standard error', () => {
    const dir = path.dirname(t.file);
    const nginx = path.join(dir, 'plan.conf');
    let r = run('plan', '--format', 'nginx', '--out', nginx);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Cull plan: 2 posts.');
    expect(fs.readFileSync(nginx, 'utf8')).toContain('location = "/2024/05/café-walk-(old)" { return 410; }');
    const zip = path.join(dir, 'a.zip');
    r = run('plan', '--format', 'archive', '--out', zip);
    expect(r.status).toBe(0);
    expect(
      Object.keys(unzipSync(fs.readFileSync(zip))).filter((n) => n.endsWith('.md') && n.includes('/posts/')),
    ).toHaveLength(2);
    r = run('plan', '--format', 'decisions-csv');
    expect(r.status).toBe(0);
    expect((parse(r.stdout, { columns: true }) as unknown[]).length).toBe(6);
  });

  it('refuses an unknown format with exit code 2, and posts still exports', () => {
    const bad = run('plan', '--format', 'iis');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown plan format "iis"');
    const posts = run('posts');
    expect(posts.status).toBe(0);
    expect(posts.stdout.split('\r\n')[0]).toMatch(/^id,path,title,/);
  });
});
