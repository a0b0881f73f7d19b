import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipSize, isChartCode, tallyScripts } from './js-tally';

const file = (url: string, text: string) => ({ url, body: Buffer.from(text) });

describe('tallyScripts', () => {
  it('adds raw and gzipped bytes of each file once, and flags chart code', () => {
    const a = file('http://x/_next/a.js', 'var a = 1;'.repeat(200));
    const b = file('http://x/_next/b.js', 'className:"recharts-surface"');
    const t = tallyScripts([a, b, a]);
    expect(t.files).toBe(2);
    expect(t.raw).toBe(a.body.length + b.body.length);
    expect(t.gz).toBe(zlib.gzipSync(a.body).length + zlib.gzipSync(b.body).length);
    expect(t.charts).toBe(true);
  });

  it('is empty and chart-free for no files', () => {
    expect(tallyScripts([])).toEqual({ files: 0, raw: 0, gz: 0, charts: false });
  });
});

describe('gzipSize and isChartCode', () => {
  it('compresses repetitive code well below its raw size', () => {
    const body = Buffer.from('function f(){return 1}'.repeat(500));
    expect(gzipSize(body)).toBeLessThan(body.length / 10);
  });

  it('tells recharts code from other code', () => {
    expect(isChartCode(Buffer.from('"recharts-wrapper"'))).toBe(true);
    expect(isChartCode(Buffer.from('"react-dom"'))).toBe(false);
  });
});
