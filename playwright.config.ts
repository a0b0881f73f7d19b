import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the built app (`next build` runs in `npm run test:e2e` first) on a throwaway database
 * filled by the real importer (e2e/prepare-db.ts). Chromium: PLAYWRIGHT_CHROMIUM, else Debian's /usr/bin/chromium,
 * else Playwright's own browser.
 */
const PORT = Number(process.env.E2E_PORT ?? 3107);
const DB = path.resolve('test-results', 'e2e.db');
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
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
  webServer: {
    command: `npx tsx e2e/prepare-db.ts && npx next start -H 127.0.0.1 -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { TEND_DB: DB, NEXT_TELEMETRY_DISABLED: '1', TEND_TIMEZONE: 'UTC' },
  },
});
