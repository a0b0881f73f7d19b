/**
 * Every server action and route handler checks the session itself (not only proxy.ts): calls each exported action
 * of every 'use server' file with no session and expects the redirect to /login before anything is written, and
 * checks statically that route handlers start with `sessionDenied()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const jar: { token?: string } = {};
vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (jar.token ? { name, value: jar.token } : undefined) }),
  headers: async () => new Headers({ host: '127.0.0.1:3000' }),
}));

const ROOT = path.resolve(__dirname, '..', '..');
/** Route handlers that are public on purpose. */
const PUBLIC_ROUTES = ['app/api/health/route.ts', 'app/api/auth/login/route.ts', 'app/api/auth/logout/route.ts'];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}
const appFiles = walk(path.join(ROOT, 'app')).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
const serverActionFiles = appFiles.filter((f) =>
  /^\s*['"]use server['"]/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
);

let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-actions-'));
  process.env.TEND_DB = path.join(dir, 'tend.db');
  process.env.TEND_PASSWORD = 'unit-test-password';
  process.env.TEND_SESSION_SECRET = 'unit-test-secret-0123456789abcdefghij';
  delete process.env.TEND_HOST;
  const { getDb } = await import('../../db/client');
  const { importPostsFile } = await import('../../db/importers');
  await importPostsFile(getDb(), path.join(ROOT, 'fixtures', 'e2e', 'feed.xml'));
});
afterAll(async () => {
  const g = globalThis as unknown as { tendDb?: { $client: { close(): void } } };
  g.tendDb?.$client.close();
  delete g.tendDb;
  process.env = saved;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('server actions refuse callers without a session', () => {
  it('finds the server action files', () => {
    expect(serverActionFiles).toContain('app/actions.ts');
  });

  it('setDecisionAction: no session → redirect to /login and nothing written; a valid session → written', async () => {
    const { getDb } = await import('../../db/client');
    const { snapshot } = await import('../../db/test-helpers');
    const { setDecisionAction } = await import('../../app/actions');
    const form = new FormData();
    form.set('postId', '1');
    form.set('decision', 'cull');
    form.set('note', 'forged');
    const before = snapshot(getDb());
    jar.token = undefined;
    await expect(setDecisionAction(null, form)).rejects.toMatchObject({ digest: expect.stringContaining('/login') });
    jar.token = 'v1.forged.token.signature';
    await expect(setDecisionAction(null, form)).rejects.toMatchObject({ digest: expect.stringContaining('/login') });
    expect(snapshot(getDb())).toEqual(before);

    const { sessionKey } = await import('./config');
    const { createSessionToken } = await import('./token');
    jar.token = createSessionToken(sessionKey());
    await expect(setDecisionAction(null, form)).resolves.toMatchObject({ ok: true });
    const row = getDb().$client.prepare('select decision, note from decisions where post_id = 1').get();
    expect(row).toEqual({ decision: 'cull', note: 'forged' });
    jar.token = undefined;
  });

  for (const file of serverActionFiles) {
    it(`every exported action of ${file} redirects to /login without a session`, async () => {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const actions = Object.entries(mod).filter(([, v]) => typeof v === 'function');
      expect(actions.length).toBeGreaterThan(0);
      jar.token = undefined;
      for (const [name, fn] of actions) {
        const call = (async () => (fn as (...a: unknown[]) => Promise<unknown>)(null, new FormData()))();
        await expect(call, `${file} ${name}`).rejects.toMatchObject({ digest: expect.stringContaining('/login') });
      }
    });
  }
});

describe('route handlers check the session', () => {
  const routes = appFiles.filter((f) => f.endsWith('/route.ts') && !PUBLIC_ROUTES.includes(f));
  it('the public ones are exactly the health check and sign-in/out', () => {
    for (const f of PUBLIC_ROUTES) expect(appFiles).toContain(f);
  });
  for (const file of routes) {
    it(`${file}: each handler starts with sessionDenied()`, () => {
      const src = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const handlers = [
        ...src.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE|HEAD)\b[\s\S]*?\{\n([\s\S]{0,200})/g),
      ];
      expect(handlers.length, 'no handler found').toBeGreaterThan(0);
      for (const [, method, body] of handlers)
        expect(body.trimStart(), `${method} must begin with a session check`).toMatch(
          /^(const denied = await sessionDenied\(\);\s*if \(denied\) return denied;|await requireSession\(\);)/,
        );
    });
  }
});

describe("'use server' only at the top of app/**/actions.ts files", () => {
  it('no inline server actions (they would be easy to leave unchecked)', () => {
    const inline = appFiles.filter((f) => {
      const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
      return /['"]use server['"]/.test(src.replace(/^\s*['"]use server['"];?/, ''));
    });
    expect(inline).toEqual([]);
  });
});
