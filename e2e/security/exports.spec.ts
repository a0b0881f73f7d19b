import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// prepare.ts culls the post titled =HYPERLINK("https://evil.example/steal","Click me") with the note "=1+1 …".

test('the decisions CSV escapes spreadsheet formulas and downloads under a safe name', async ({ context, baseURL }) => {
  await signIn(context.request, baseURL as string);
  const res = await context.request.get('/api/export/decisions-csv');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"/);
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  const csv = await res.text();
  expect(csv).toContain('HYPERLINK');
  // No cell may start with = + - @ (quoted or not): each such cell is prefixed with '.
  const cells = csv.split(/\r?\n/).flatMap((line) => line.split(','));
  const dangerous = cells.filter((c) => /^"?[=+\-@]/.test(c));
  expect(dangerous).toEqual([]);
  expect(csv).toMatch(/"?'=HYPERLINK\(/);
  expect(csv).toMatch(/'=1\+1 a formula in a note/);
});

test('the archive of culled posts names its files safely', async ({ context, baseURL }) => {
  await signIn(context.request, baseURL as string);
  const res = await context.request.get('/api/export/archive');
  expect(res.status()).toBe(200);
  const zip = await res.body();
  // File names from the zip's central directory (signature PK\x01\x02, name length at +28, name at +46).
  const names: string[] = [];
  for (let i = zip.indexOf('PK\x01\x02'); i !== -1; i = zip.indexOf('PK\x01\x02', i + 4)) {
    const len = zip.readUInt16LE(i + 28);
    names.push(zip.subarray(i + 46, i + 46 + len).toString('utf8'));
  }
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) {
    expect(n, n).not.toMatch(/(^|\/)\.\.(\/|$)|^\/|\\|[<>:"|?*]/);
  }
});

test('unknown export formats are a 404 with the name cut short, not reflected markup', async ({ context, baseURL }) => {
  await signIn(context.request, baseURL as string);
  const res = await context.request.get(`/api/export/${encodeURIComponent('<script>alert(1)</script>')}`);
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toMatch(/^text\/plain/);
});
