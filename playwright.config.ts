import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the built app (`npm run test:e2e` runs `next build` first). Each area of the product is a
 * Playwright project with its own server and its own throwaway database, filled by the real importers in
 * e2e/prepare-db.ts, so specs of one area never see another's writes:
 *   e2e/<area>/*.spec.ts  ->  http://127.0.0.1:<port>, database test-results/e2e-<area>.db
 * Chromium: PLAYWRIGHT_CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own browser.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3110);
const OUT = process.env.E2E_OUT ?? 'test-results';
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Areas: name and extra server environment. Only areas with a spec folder get a server. */
const AREAS: { name: string; env?: Record<string, string> }[] = [
  { name: 'core' },
  { name: 'inventory' },
  { name: 'traffic' },
  { name: 'authorship' },
  { name: 'comparison' },
  { name: 'pruning' },
  {
    name: 'security',
    env: { TEND_PASSWORD: 'e2e-correct-horse-battery', TEND_SESSION_SECRET: 'e2e-session-secret-0123456789abcdef' },
  },
].filter(
  (a) =>
    fs.existsSync(path.join('e2e', a.name)) &&
    fs.readdirSync(path.join('e2e', a.name)).some((f) => f.endsWith('.spec.ts')),
);

const port = (i: number) => BASE_PORT + i;

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: path.join(OUT, 'playwright'),
  use: {
    timezoneId: 'UTC',
    locale: 'en-US',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: AREAS.map((a, i) => ({
    name: a.name,
    testMatch: new RegExp(`[\\\\/]${a.name}[\\\\/].*\\.spec\\.ts$`),
    use: { baseURL: `http://127.0.0.1:${port(i)}` },
  })),
  webServer: AREAS.map((a, i) => ({
    command: `npx tsx e2e/prepare-db.ts ${a.name} && npx next start -H 127.0.0.1 -p ${port(i)}`,
    url: `http://127.0.0.1:${port(i)}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      TEND_DB: path.resolve(OUT, `e2e-${a.name}.db`),
      NEXT_TELEMETRY_DISABLED: '1',
      TEND_TIMEZONE: 'UTC',
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      ...a.env,
    },
  })),
});
