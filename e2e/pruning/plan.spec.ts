import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import matter from 'gray-matter';
import { PLAN_FORMATS } from '../../lib/plan-export';

// The cull plan against the area's database: the page's numbers are checked against SQL run here on the same file,
// then every export is downloaded from the page and parsed.
const DB_FILE = path.resolve(process.env.E2E_OUT ?? 'test-results', 'e2e-pruning.db');
const int = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

function expectedCost() {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    const end = (db.prepare('select max(day) as d from daily_views').get() as { d: string }).d;
    const culled = db.prepare("select post_id as id from decisions where decision = 'cull'").all() as { id: number }[];
    const last90 = db
      .prepare(`select post_id as id, sum(page_views) as n from daily_views where day > date(?, '-90 days')
      and day <= ? group by post_id`)
      .all(end, end) as { id: number; n: number }[];
    const by = new Map(last90.map((r) => [r.id, r.n]));
    const culledLast90 = culled.reduce((s, c) => s + (by.get(c.id) ?? 0), 0);
    const siteLast90 = last90.reduce((s, r) => s + r.n, 0);
    return { culled: culled.map((c) => c.id), culledLast90, siteLast90, by };
  } finally {
    db.close();
  }
}

test('the plan shows what the culled posts cost before anything is exported', async ({ page }) => {
  await page.goto('/plan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cull plan');
  const want = expectedCost();
  expect(want.culled.length).toBeGreaterThanOrEqual(4);
  expect(int(await page.getByTestId('plan-culled').textContent())).toBe(want.culled.length);
  expect(int(await page.getByTestId('plan-last90').textContent())).toBe(want.culledLast90);
  const share = ((want.culledLast90 / want.siteLast90) * 100).toFixed(1);
  await expect(page.getByTestId('plan-share90')).toHaveText(`${share}%`);
  const cards = page.getByTestId('plan-post');
  await expect(cards).toHaveCount(want.culled.length);
  for (const id of want.culled) {
    const card = page.locator(`[data-testid="plan-post"][data-post="${id}"]`);
    expect(int(await card.getByTestId('plan-post-last90').textContent())).toBe(want.by.get(id) ?? 0);
  }
  // The costs come before the export links on the page.
  const totalsBox = await page.getByTestId('plan-totals').boundingBox();
  const exportsBox = await page.getByTestId('plan-exports').boundingBox();
  expect((totalsBox?.y ?? 0) < (exportsBox?.y ?? 0)).toBe(true);
});

test('the author changes a redirect target; it is stored and shown as chosen', async ({ page }) => {
  await page.goto('/plan');
  const card = page.getByTestId('plan-post').filter({ hasText: '301 to' }).first();
  const id = await card.getAttribute('data-post');
  await card.locator('select').selectOption('gone');
  await card.getByRole('button', { name: 'Save' }).click();
  const same = page.locator(`[data-testid="plan-post"][data-post="${id}"]`);
  await expect(same.getByTestId('plan-target')).toContainText('Gone (410)');
  await expect(same.getByTestId('plan-target')).toContainText('chosen by you');
  await same.locator('select').selectOption('url');
  await same.locator('input[name="targetUrl"]').fill('https://elsewhere.example/a new home');
  await same.getByRole('button', { name: 'Save' }).click();
  await expect(same.getByTestId('plan-target')).toContainText('301 to https://elsewhere.example/a%20new%20home');
});

test('every export downloads with a safe file name and parses', async ({ page }) => {
  await page.goto('/plan');
  const want = expectedCost();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-e2e-exports-'));
  const files: Record<string, string> = {};
  for (const [format, spec] of Object.entries(PLAN_FORMATS)) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
    expect(download.suggestedFilename()).toBe(spec.filename);
    const file = path.join(dir, spec.filename);
    await download.saveAs(file);
    files[format] = file;
  }
  const text = (f: string) => fs.readFileSync(files[f], 'utf8');

  const nginx = text('nginx');
  const locations = [...nginx.matchAll(/^location = "((?:[^"\\]|\\.)*)" \{ return (301|410)(?: "([^"]*)")?; \}$/gm)];
  const ruleLines = nginx.split('\n').filter((l) => l && !l.startsWith('#'));
  expect(locations.length).toBe(ruleLines.length);
  expect(locations.length).toBeGreaterThanOrEqual(want.culled.length * 2);
  const nginxBin = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => fs.existsSync(p));
  if (nginxBin) {
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(
      conf,
      [
        `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {}`,
        `http { access_log off; client_body_temp_path ${dir}/b; proxy_temp_path ${dir}/p; fastcgi_temp_path ${dir}/f;`,
        `uwsgi_temp_path ${dir}/u; scgi_temp_path ${dir}/s; server { listen 127.0.0.1:1; include ${files.nginx}; } }`,
      ].join('\n'),
    );
    const r = spawnSync(nginxBin, ['-t', '-p', dir, '-c', conf, '-e', 'stderr'], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/syntax is ok/);
    expect(r.status).toBe(0);
  } else console.warn('nginx is not installed: the nginx export was checked by its parser only');

  const apache = text('apache')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  for (const l of apache) expect(l).toMatch(/^RedirectMatch (301 "\^[^"]+\/\?\$" "[^"]+"|gone "\^[^"]+\/\?\$")$/);
  expect(apache.length).toBe(locations.length / 2);

  const netlify = text('netlify')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  for (const l of netlify) expect(l.trim().split(/\s+/)).toHaveLength(3);
  expect(netlify.length).toBe(apache.length);

  const redirection = parse(text('redirection-csv'), { columns: true }) as Record<string, string>[];
  expect(redirection.length).toBe(apache.length);
  for (const r of redirection) expect(['301', '410']).toContain(r.code);
  const gone = text('gone').split('\n').filter(Boolean);
  expect(gone.length).toBe(redirection.filter((r) => r.code === '410').length);
  expect(gone.length).toBeGreaterThanOrEqual(1);

  const decisions = parse(text('decisions-csv'), { columns: true }) as Record<string, string>[];
  expect(
    decisions
      .filter((r) => r.decision === 'cull')
      .map((r) => Number(r.id))
      .sort(),
  ).toEqual([...want.culled].sort());

  const zip = unzipSync(fs.readFileSync(files.archive));
  const posts = Object.keys(zip).filter((n) => n.startsWith('tend-culled-posts/posts/') && n.endsWith('.md'));
  expect(posts.length).toBe(want.culled.length);
  const ids = posts.map((n) => matter(strFromU8(zip[n])).data.tend_post_id as number);
  expect(ids.sort()).toEqual([...want.culled].sort());
  for (const n of posts) {
    const fm = matter(strFromU8(zip[n])).data;
    expect(fm.title).toBeTruthy();
    expect(fm.original_url).toMatch(/^https:\/\/fieldnotes\.example\//);
    expect(fm.page_views.last_90_days).toBe(want.by.get(fm.tend_post_id) ?? 0);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
