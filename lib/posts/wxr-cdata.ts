/**
 * Repairs for a known WXR defect: a post body holding a literal `]]>` inside `<![CDATA[ … ]]>`. WordPress's
 * exporter (`wxr_cdata()`) splits such a sequence as `]]]]><![CDATA[>`, but hand-edited or third-party
 * exports do not, and the CDATA section then ends early: the rest of the post would be parsed as markup, or
 * silently cut. WordPress's own importer falls back to a regex parser that takes everything between the
 * element's opening tag and its closing tag (`WXR_Parser_Regex`); this does the same, then re-splits the
 * literal `]]>` the way the exporter should have.
 */
import { inlineHtmlToText } from '../text';
import { lineAt } from './xml-utils';

/** One repaired CDATA section: the 1-based line where it starts and the element that holds it. */
export interface CdataRepair {
  line: number;
  element: string;
}

/**
 * Re-split literal `]]>` sequences inside CDATA sections that fill a whole element
 * (`<content:encoded><![CDATA[ … ]]></content:encoded>`), taking the element's own closing tag as the real end.
 *
 * @returns the repaired XML (the input itself when nothing needed repair) and where repairs were made.
 */
export function repairCdata(xml: string): { xml: string; repairs: CdataRepair[] } {
  if (!xml.includes(']]>')) return { xml, repairs: [] };
  const repairs: CdataRepair[] = [];
  const re = /<([\w:.-]+)((?:\s[^>]*)?)>(\s*)<!\[CDATA\[([\s\S]*?)\]\]>(\s*)<\/\1\s*>/g;
  const out = xml.replace(
    re,
    (whole, tag: string, attrs: string, pre: string, inner: string, post: string, offset: number) => {
      // A properly split section (`]]]]><![CDATA[>`) is followed by a new CDATA opener: nothing to repair.
      if (!/\]\]>(?!<!\[CDATA\[)/.test(inner)) return whole;
      repairs.push({ line: lineAt(xml, offset), element: tag });
      const fixed = inner.replace(/\]\]>(?!<!\[CDATA\[)/g, ']]]]><![CDATA[>');
      return `<${tag}${attrs}>${pre}<![CDATA[${fixed}]]>${post}</${tag}>`;
    },
  );
  return { xml: out, repairs };
}

/**
 * The `<item>` around 1-based `line` of `xml`, named by its `wp:post_id` and title, for error messages
 * (`item 1169 "Edge case"`), or null when the line is outside any item.
 */
export function itemAtLine(xml: string, line: number): string | null {
  let offset = 0;
  for (let n = 1; n < line && offset !== -1; n++) offset = xml.indexOf('\n', offset + 1);
  if (offset === -1) offset = xml.length;
  const start = xml.lastIndexOf('<item>', offset);
  if (start === -1) return null;
  const chunk = xml.slice(start, start + 200_000);
  const end = chunk.indexOf('</item>');
  const body = end === -1 ? chunk : chunk.slice(0, end);
  const id = /<wp:post_id>\s*(?:<!\[CDATA\[)?\s*(\d+)/.exec(body)?.[1];
  const rawTitle = /<title>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/title>/.exec(body)?.[1];
  const title = rawTitle ? inlineHtmlToText(rawTitle) : '';
  if (!id && !title) return null;
  return `item${id ? ` ${id}` : ''}${title ? ` "${title.slice(0, 80)}"` : ''}`;
}
