/**
 * A fast pre-check of an XML file before fast-xml-parser sees it, so a hostile or broken file fails with a clear
 * message in bounded time and memory: entity declarations in a DOCTYPE ("billion laughs"), elements nested deeper
 * than MAX_XML_DEPTH, an absurdly long title, and runs of text outside CDATA longer than MAX_XML_TEXT_CHARS (the
 * parser needs ~25 bytes per character of those). One linear scan; limits in lib/limits.ts.
 */
import { MAX_TITLE_CHARS, MAX_XML_DEPTH, MAX_XML_TEXT_CHARS } from '../limits';

/**
 * Raw characters allowed inside a `<title>` before decoding (entities and markup make the raw text longer than the
 * title); the exact limit on the decoded title is checked after parsing.
 */
const MAX_RAW_TITLE_CHARS = MAX_TITLE_CHARS * 10;

const n = (x: number) => x.toLocaleString('en-US');

/** 1-based line of `index` in `text`. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Index of the `>` that ends the markup starting at `from`, skipping quoted attribute values; -1 when none. */
function endOfTag(xml: string, from: number): number {
  let quote = 0;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j;
  }
  return -1;
}

/** Index of the `>` ending a `<!DOCTYPE …>` at `from`, past its internal subset `[ … ]`; -1 when none. */
function endOfDoctype(xml: string, from: number): number {
  let quote = 0;
  let subset = false;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91) subset = true;
    else if (c === 93) subset = false;
    else if (c === 62 && !subset) return j;
  }
  return -1;
}

/** Local name of the tag starting at `lt` (`<wp:title a="1">` → `title`). */
function localName(xml: string, lt: number): string {
  const m = /^<\/?([^\s/>]+)/.exec(xml.slice(lt, lt + 200));
  const name = m?.[1] ?? '';
  return name.slice(name.indexOf(':') + 1);
}

/**
 * Throws when `xml` breaks one of the limits. Malformed markup (an unclosed comment, tag or CDATA) is left to the
 * parser's well-formedness check, which reports it with a line number.
 * @throws Error `FILE: line N: …; nothing imported` naming the limit.
 */
export function assertXmlWithinLimits(xml: string, file: string): void {
  const fail = (at: number, why: string): never => {
    throw new Error(`${file}: line ${lineOf(xml, at)}: ${why}; nothing imported`);
  };
  let depth = 0;
  let titleDepth = -1;
  let titleStart = 0;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    // Inside a title, everything up to here (text, CDATA, markup) counts; checked before the general text limit so
    // the message names the title.
    if (titleDepth >= 0 && textEnd - titleStart > MAX_RAW_TITLE_CHARS)
      fail(
        titleStart,
        `a title is over ${n(MAX_RAW_TITLE_CHARS)} characters long (the limit is ${n(MAX_TITLE_CHARS)})`,
      );
    if (textEnd - i > MAX_XML_TEXT_CHARS)
      fail(
        i,
        `an element holds ${n(textEnd - i)} characters of text outside CDATA, over the limit of ${n(MAX_XML_TEXT_CHARS)} (lib/limits.ts)`,
      );
    if (lt === -1) return;
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) return;
      i = end + 3;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) return;
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) return;
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      const end = endOfDoctype(xml, lt + 2);
      if (end === -1) return;
      if (/<!ENTITY/i.test(xml.slice(lt, end)))
        fail(
          lt,
          'the DOCTYPE declares entities (<!ENTITY …>). Tend does not expand them: a few lines of nested entities ' +
            '("billion laughs") can expand to gigabytes. Blog exports never need them',
        );
      i = end + 1;
    } else if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end === -1) return;
      if (titleDepth === depth) titleDepth = -1;
      depth--;
      i = end + 1;
    } else {
      const end = endOfTag(xml, lt + 1);
      if (end === -1) return;
      if (xml.charCodeAt(end - 1) !== 47 /* self-closing */) {
        depth++;
        if (depth > MAX_XML_DEPTH)
          fail(lt, `elements are nested more than ${MAX_XML_DEPTH} deep (lib/limits.ts): not a blog export`);
        if (titleDepth < 0 && localName(xml, lt) === 'title') {
          titleDepth = depth;
          titleStart = end + 1;
        }
      }
      i = end + 1;
    }
  }
}
