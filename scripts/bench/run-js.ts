/**
 * Bench section (d) on the built app: the JavaScript a browser really downloads for `/`, `/posts` and `/posts/[id]`.
 * Each page is opened in headless Chromium (a fresh profile, so nothing comes from a cache) at 1280×900, and every
 * script response is counted: at load (network idle, nothing scrolled: what showing the first screen costs), then
 * again after scrolling to the end of the page, since the overview's charts load their code only when they scroll
 * into view. Without a browser it falls back to the script URLs named in the HTML and says so: that count misses
 * code loaded after the page is shown.
 */
import fs from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { listScriptUrls } from '../../lib/bench/html-scripts';
import { type JsTally, type ScriptFile, tallyScripts } from '../../lib/bench/js-tally';
import { metric } from '../../lib/bench/summary';
import type { BenchContext } from './context';
import { timedGet } from './server';

const PAGES = ['/', '/posts', '/posts/{id}'];
/** The desktop size Tend's screenshots use (e2e/screenshots.ts). */
const VIEWPORT = { width: 1280, height: 900 };
const TARGET = { max: 250 * 1024, text: '< 250 KB' };

/** One page as a browser loads it. */
interface PageJs {
  atLoad: JsTally;
  /** Everything downloaded by the end of the scroll, the load included. */
  scrolled: JsTally;
  /** Whether a chart (drawn, or its placeholder) is inside the first screen. */
  chartInFirstScreen: boolean;
  /** Charts drawn once scrolled to the end. */
  chartsDrawn: number;
}

/** Chromium as the e2e tests find it: PLAYWRIGHT_CHROMIUM, Debian's /usr/bin/chromium, else Playwright's own. */
async function launch(): Promise<Browser> {
  // Loaded here, not at the top: the bench's other sections need no browser.
  const { chromium } = await import('@playwright/test');
  const executablePath =
    process.env.PLAYWRIGHT_CHROMIUM ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}

/** Scroll to the end in half-screen steps, as a reader would, then let the chunks this started finish. */
async function scrollThrough(page: Page): Promise<void> {
  for (let y = 0; ; y += VIEWPORT.height / 2) {
    const end = await page.evaluate((top) => {
      window.scrollTo(0, top);
      return top + window.innerHeight >= document.documentElement.scrollHeight;
    }, y);
    await page.waitForTimeout(120);
    if (end) break;
  }
  await page.waitForLoadState('networkidle');
  // Every chart box has been in view by now: wait until each is drawn (its code downloaded and run).
  await page
    .waitForFunction(
      () => !document.querySelector('[data-chart-state="waiting"], [data-chart-state] [aria-busy]'),
      null,
      {
        timeout: 15_000,
      },
    )
    .catch(() => {});
}

async function measurePage(browser: Browser, url: string): Promise<PageJs> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const files: Promise<ScriptFile | null>[] = [];
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script') return;
      if (r.status() >= 400) failed.push(`${r.url()} answered ${r.status()}`);
      else
        files.push(
          r.body().then(
            (body) => ({ url: r.url(), body }),
            () => null,
          ),
        );
    });
    const res = await page.goto(url, { waitUntil: 'networkidle' });
    if (!res?.ok()) throw new Error(`${url} answered ${res?.status()}`);
    // A script that failed would make the page look cheaper than it is.
    const done = async () => {
      if (failed.length > 0) throw new Error(`scripts of ${url} failed: ${failed.join('; ')}`);
      return (await Promise.all(files)).filter((f): f is ScriptFile => f !== null);
    };
    const atLoad = tallyScripts(await done());
    // Every chart sits in a `.chart` box (drawn) or a WhenVisible box (waiting for its code).
    const chartInFirstScreen = await page.evaluate((h) => {
      const boxes = document.querySelectorAll('.chart, [data-chart-state]');
      return [...boxes].some((b) => {
        const r = b.getBoundingClientRect();
        return r.height > 0 && r.top < h && r.bottom > 0;
      });
    }, VIEWPORT.height);
    await scrollThrough(page);
    return {
      atLoad,
      scrolled: tallyScripts(await done()),
      chartInFirstScreen,
      chartsDrawn: await page.locator('.recharts-wrapper').count(),
    };
  } finally {
    await context.close();
  }
}

/** Fallback without a browser: the scripts the HTML names (tags, preloads, flight data), fetched and gzipped. */
async function fromHtml(url: string): Promise<JsTally> {
  const { body } = await timedGet(url);
  const files: ScriptFile[] = [];
  for (const u of listScriptUrls(body, url)) {
    const r = await fetch(u);
    if (!r.ok) throw new Error(`${u} (a script of ${url}) answered ${r.status}`);
    files.push({ url: u, body: Buffer.from(await r.arrayBuffer()) });
  }
  return tallyScripts(files);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * Measure the pages and add the metrics: per page the JavaScript at load (`js.<page>.gzip`, the target for `/`)
 * and after scrolling to the end (`js.<page>.gzip_scrolled`), and `js.charts_only_where_shown`: how many pages
 * load chart code with no chart in the first screen (at load), plus /posts (no chart at all) loading any.
 */
export async function benchJavaScript(ctx: BenchContext, base: string, postId: number): Promise<void> {
  let browser: Browser | null = null;
  try {
    browser = await launch();
  } catch (err) {
    ctx.skipped.push({
      section: 'JavaScript in a browser',
      reason: `no Chromium (${(err as Error).message.split('\n')[0]}): counted the scripts the HTML names instead, which misses code loaded later`,
    });
  }
  try {
    const pages = new Map<string, PageJs | JsTally>();
    for (const page of PAGES) {
      const url = base + page.replace('{id}', String(postId));
      pages.set(page, browser ? await measurePage(browser, url) : await fromHtml(url));
    }
    const posts = pages.get('/posts');
    const postsLoad = posts && 'atLoad' in posts ? posts.atLoad : posts;
    let misplaced = 0;
    for (const [page, m] of pages) {
      const key = page.replace('{id}', '[id]');
      const load = 'atLoad' in m ? m.atLoad : m;
      const baseline =
        page === '/posts' || !postsLoad ? undefined : { label: '/posts (no chart)', value: postsLoad.gz };
      ctx.metrics.push(
        metric({
          key: `js.${key}.gzip`,
          label: `JavaScript for ${key} at load, gzipped (${load.files} files, ${kb(load.raw)} raw${'atLoad' in m ? `; first screen ${VIEWPORT.width}×${VIEWPORT.height}, nothing scrolled` : '; named in the HTML'})`,
          value: load.gz,
          unit: 'bytes',
          baseline,
          // Counted from the HTML, the number misses code loaded after the page is shown: no verdict on it.
          target: page === '/' && 'atLoad' in m ? TARGET : undefined,
          note: `${load.charts ? 'loads chart code' : 'no chart code'}${'atLoad' in m ? '' : '; misses code loaded later'}`,
        }),
      );
      if (!('atLoad' in m)) continue;
      if (m.atLoad.charts && !m.chartInFirstScreen) misplaced++;
      if (page === '/posts' && m.scrolled.charts && !m.atLoad.charts) misplaced++;
      ctx.metrics.push(
        metric({
          key: `js.${key}.gzip_scrolled`,
          label: `JavaScript for ${key} after scrolling to the end, gzipped (${m.scrolled.files} files, ${kb(m.scrolled.raw)} raw; ${m.chartsDrawn} chart${m.chartsDrawn === 1 ? '' : 's'} drawn)`,
          value: m.scrolled.gz,
          unit: 'bytes',
          baseline: { label: 'at load', value: m.atLoad.gz },
          note: m.scrolled.charts ? 'what a reader who scrolls to every chart downloads' : 'no chart code',
        }),
      );
    }
    const postsCharts = posts && 'atLoad' in posts ? posts.scrolled.charts : (posts?.charts ?? false);
    ctx.metrics.push(
      metric({
        key: 'js.charts_only_where_shown',
        label: browser
          ? 'pages loading chart code with no chart in the first screen (of 3), or on /posts (no chart) at all'
          : 'chart code loaded on /posts (a page without a chart)',
        value: browser ? misplaced : postsCharts ? 1 : 0,
        unit: 'count',
        target: { max: 0, text: 'none' },
      }),
    );
  } finally {
    await browser?.close();
  }
}
