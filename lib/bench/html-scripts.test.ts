import { describe, expect, it } from 'vitest';
import { listScriptUrls } from './html-scripts';

const base = 'http://127.0.0.1:3190/posts/7';

describe('listScriptUrls', () => {
  it('finds script tags, script preloads and the chunks named in flight data, once each', () => {
    const html = `<!DOCTYPE html><html><head>
      <link rel="stylesheet" href="/_next/static/chunks/a.css"/>
      <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/>
      <link rel="modulepreload" href="/_next/static/chunks/mod.js">
      <link rel="preload" as="font" href="/font.woff2">
      <script src="/_next/static/chunks/webpack-1.js" async=""></script>
      <script src="/_next/static/chunks/main.js?dpl=x&amp;v=2" async></script>
      <script src="/_next/static/chunks/polyfills.js" noModule=""></script>
      <script>self.__next_f.push([1,"5:I[\\"123\\",[\\"static\\/chunks\\/charts-9.js\\",\\"static/chunks/app/page-2.js\\"],\\"Chart\\"]"])</script>
      </head><body></body></html>`;
    expect(listScriptUrls(html, base)).toEqual([
      'http://127.0.0.1:3190/_next/static/chunks/webpack-1.js',
      'http://127.0.0.1:3190/_next/static/chunks/main.js?dpl=x&v=2',
      'http://127.0.0.1:3190/_next/static/chunks/mod.js',
      'http://127.0.0.1:3190/_next/static/chunks/charts-9.js',
      'http://127.0.0.1:3190/_next/static/chunks/app/page-2.js',
    ]);
  });

  it('lists nothing for a page without scripts (inline code is part of the HTML, not a file)', () => {
    expect(
      listScriptUrls('<html><script>var a = 1;</script><link rel="stylesheet" href="/x.css"></html>', base),
    ).toEqual([]);
  });
});
