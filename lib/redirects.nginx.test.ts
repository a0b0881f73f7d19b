/**
 * The nginx export checked by nginx itself: `nginx -t` on a config that includes it, then a real nginx on a loopback
 * port answering requests for every tricky path. Skips with a message when nginx is not installed
 * (`apt-get install -y nginx`); lib/redirects.test.ts checks the same file with a parser on every machine.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePath } from './plan-urls';
import { prepareRules, type RedirectRule, toNginx } from './redirects';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((p) => fs.existsSync(p));
if (!NGINX)
  console.warn(
    'skipping the nginx checks: nginx is not installed (apt-get install -y nginx); the parser test still runs',
  );

const PATHS = [
  '/plain',
  '/café walk',
  '/what (really) happened?',
  '/a.b+c*d[e]{f}^g$h',
  '/say "hi"',
  '/semi;colon{x}#y',
  '/100% sure',
  '/gone one',
];
const rules: RedirectRule[] = PATHS.map((p, i) => ({
  postId: i + 1,
  title: `Post ${i} "quoted" ; {braces}`,
  paths: [p],
  trailingSlash: true,
  status: p === '/gone one' ? 410 : 301,
  to: p === '/gone one' ? null : `/target-${i}/?a=1&b=2`,
}));

function config(dir: string, port: number): string {
  const d = (s: string) => path.join(dir, s);
  return `daemon off;
master_process off;
worker_processes 1;
pid ${d('nginx.pid')};
error_log ${d('error.log')};
events { worker_connections 32; }
http {
  access_log off;
  client_body_temp_path ${d('body')};
  proxy_temp_path ${d('proxy')};
  fastcgi_temp_path ${d('fastcgi')};
  uwsgi_temp_path ${d('uwsgi')};
  scgi_temp_path ${d('scgi')};
  server {
    listen 127.0.0.1:${port};
    absolute_redirect off;
    include ${d('tend-cull-plan.conf')};
    location / { return 200 "kept\\n"; }
  }
}
`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!NGINX)('nginx export, checked by nginx', () => {
  let dir = '';
  let port = 0;
  let server: ChildProcess | null = null;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-nginx-'));
    port = await freePort();
    fs.writeFileSync(path.join(dir, 'tend-cull-plan.conf'), toNginx(prepareRules(rules).rules));
    fs.writeFileSync(path.join(dir, 'nginx.conf'), config(dir, port));
  });
  afterAll(() => {
    server?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes nginx -t', () => {
    const r = spawnSync(NGINX as string, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toMatch(/syntax is ok/);
    expect(r.status, r.stderr).toBe(0);
  });

  it('answers each path (and its trailing-slash form) with 301 to its target or 410, and leaves others alone', async () => {
    server = spawn(NGINX as string, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr'], {
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    // Wait (bounded) until it listens.
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`${base}/`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    for (const [i, p] of PATHS.entries()) {
      for (const form of [p, `${p}/`]) {
        const res = await fetch(`${base}${encodePath(form)}`, { redirect: 'manual' });
        if (p === '/gone one') expect(res.status, form).toBe(410);
        else {
          expect(res.status, form).toBe(301);
          expect(res.headers.get('location'), form).toBe(`/target-${i}/?a=1&b=2`);
        }
      }
      const near = await fetch(`${base}${encodePath(`${p}x`)}`, { redirect: 'manual' });
      expect(near.status, `${p}x`).toBe(200);
    }
  });
});
