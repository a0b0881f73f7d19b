/**
 * Pure helpers of bench section (d), the JavaScript a page makes the browser download: add up script files as a
 * server would send them (gzip, level 6) and tell whether chart code is among them. No I/O here.
 */
import zlib from 'node:zlib';

/** Script files of one page load: how many, raw and gzipped bytes, and whether recharts is among them. */
export interface JsTally {
  files: number;
  raw: number;
  gz: number;
  charts: boolean;
}

/** One script file: its URL and its body as sent, uncompressed. */
export interface ScriptFile {
  url: string;
  body: Buffer;
}

/** recharts' class names survive minification: they mark the chart library's code in a bundle. */
export function isChartCode(body: Buffer): boolean {
  return body.includes('recharts-');
}

/**
 * Size of a script as sent compressed: gzip level 6, what servers (and `next start`) typically send. Each body is
 * compressed alone, as each file is sent alone.
 */
export function gzipSize(body: Buffer): number {
  return zlib.gzipSync(body, { level: 6 }).length;
}

/** Add up script files, each URL counted once (a file fetched twice is downloaded once, then cached). */
export function tallyScripts(files: Iterable<ScriptFile>): JsTally {
  const seen = new Set<string>();
  const t: JsTally = { files: 0, raw: 0, gz: 0, charts: false };
  for (const f of files) {
    if (seen.has(f.url)) continue;
    seen.add(f.url);
    t.files++;
    t.raw += f.body.length;
    t.gz += gzipSize(f.body);
    t.charts ||= isChartCode(f.body);
  }
  return t;
}
