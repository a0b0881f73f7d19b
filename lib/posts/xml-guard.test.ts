import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, MAX_XML_TEXT_CHARS } from '../limits';
import { parseFeed } from './feed';
import { parseWxr } from './wxr';
import { assertXmlWithinLimits } from './xml-guard';

const rss = (item: string) =>
  `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Blog</title>\n<item>${item}<link>https://b.example/a</link></item>\n</channel></rss>`;

/** The classic "billion laughs": ten levels of ten references each, 10^9 "lol"s when expanded. */
function billionLaughs(root: string): string {
  const levels = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${levels.join('\n')}\n]>\n${root}`;
}

describe('assertXmlWithinLimits', () => {
  it('refuses entity declarations in a DOCTYPE (billion laughs), naming the line', () => {
    const xml = billionLaughs(rss('<title>&lol9;</title>'));
    expect(() => assertXmlWithinLimits(xml, 'lol.xml')).toThrow(/lol\.xml: line 2: the DOCTYPE declares entities/);
    // Through the real parsers, RSS and WXR alike.
    expect(() => parseFeed(xml, { file: 'lol.xml', timeZone: 'UTC' })).toThrow(/declares entities|not an RSS/);
    const wxr = billionLaughs(
      '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&lol9;</title></item></channel></rss>',
    );
    expect(() => parseWxr(wxr, { file: 'lol-wxr.xml', timeZone: 'UTC' })).toThrow(/declares entities/);
  });
  it('accepts a DOCTYPE without an internal subset (old RSS 0.91 files have one)', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">${rss('<title>x</title>').replace('<?xml version="1.0"?>', '')}`;
    expect(() => assertXmlWithinLimits(xml, 'a.xml')).not.toThrow();
  });
  it('refuses nesting deeper than the limit, and accepts it at the limit', () => {
    const nest = (n: number) => `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`;
    // rss > channel > item > description: 4 levels before the nested ones.
    expect(() =>
      assertXmlWithinLimits(rss(`<description>${nest(MAX_XML_DEPTH - 4)}</description>`), 'ok.xml'),
    ).not.toThrow();
    expect(() => assertXmlWithinLimits(rss(`<description>${nest(100_000)}</description>`), 'deep.xml')).toThrow(
      /deep\.xml: line 3: elements are nested more than 100 deep/,
    );
  });
  it('refuses an absurd title quickly, and a huge run of plain text', () => {
    const title = 'A'.repeat(2_000_000);
    expect(() => assertXmlWithinLimits(rss(`<title>${title}</title>`), 't.xml')).toThrow(
      /a title is over 100,000 characters/,
    );
    expect(() => assertXmlWithinLimits(rss(`<title><![CDATA[${title}]]></title>`), 't.xml')).toThrow(/a title is over/);
    const text = 'b'.repeat(MAX_XML_TEXT_CHARS + 1);
    expect(() => assertXmlWithinLimits(rss(`<description>${text}</description>`), 'x.xml')).toThrow(
      /holds 4,000,001 characters of text outside CDATA/,
    );
    // The same amount in CDATA is cheap to parse and allowed.
    expect(() => assertXmlWithinLimits(rss(`<description><![CDATA[${text}]]></description>`), 'x.xml')).not.toThrow();
  });
  it('ignores markup characters inside attribute values, comments and CDATA', () => {
    const xml = rss(
      '<title a="x>y" b=\'<z>\'>t</title><!-- <a><b> --><description><![CDATA[<p><p><p>]]></description>',
    );
    expect(() => assertXmlWithinLimits(xml, 'a.xml')).not.toThrow();
  });
  it("passes every XML fixture of Tend's own and the shared ones (no false alarms)", () => {
    const roots = [path.resolve(__dirname, '../../fixtures'), path.resolve(__dirname, '../../../shared')];
    const files = roots
      .filter((r) => fs.existsSync(r))
      .flatMap((r) => fs.readdirSync(r, { recursive: true, encoding: 'utf8' }).map((f) => path.join(r, f)))
      .filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(() => assertXmlWithinLimits(fs.readFileSync(f, 'utf8'), f), f).not.toThrow();
  });
});
