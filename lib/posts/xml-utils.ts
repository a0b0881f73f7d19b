/**
 * Small helpers over fast-xml-parser's object tree, shared by the RSS/Atom and WXR parsers: well-formedness
 * check with a line number, namespace-aware child lookup (feeds do not all use the conventional prefixes),
 * text extraction, and the raw text of "stop nodes" (Atom `<content>` is kept raw so XHTML content survives).
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decode } from 'html-entities';
import { assertXmlWithinLimits } from './xml-guard';

/** A parsed element: attributes as `@_name`, text as `#text`, children by their qualified name. */
export type XmlNode = Record<string, unknown>;

/** Namespace URIs by their conventional prefix. A URI ending in `/` also matches any longer URI (WXR 1.0–1.2). */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  thr: 'http://purl.org/syndication/thread/1.0',
  wp: 'http://wordpress.org/export/',
  excerpt: 'http://wordpress.org/export/excerpt/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;
export type NsName = keyof typeof NS;

/**
 * Check well-formedness, then parse `xml` into an object tree (tag values are never coerced to numbers,
 * so a guid `0123` stays a string). Elements named in `arrays` are always arrays.
 *
 * @throws Error naming `file`, the line and the parser's reason when the XML is not well-formed, or breaks one of
 *   the limits of xml-guard.ts (entity declarations, nesting, text sizes).
 */
export function parseXml(xml: string, file: string, arrays: readonly string[], stopNodes: string[] = []): XmlNode {
  // Entities, nesting depth and text sizes are checked first: fast-xml-parser is slow and memory-hungry on them.
  assertXmlWithinLimits(xml, file);
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    const open = valid.err.code === 'InvalidXml' ? [...valid.err.msg.matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [];
    if (open.length > 0) {
      // The validator reports unclosed elements at line 1; the real place is the end of the file.
      const last = xml.split('\n').length;
      throw new Error(
        `${file}: not well-formed XML at line ${last}: the file ends inside <${open.at(-1)}> (unclosed: ${open.join(' > ')}), truncated?`,
      );
    }
    throw new Error(
      `${file}: not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  const set = new Set(arrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    allowBooleanAttributes: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    stopNodes,
    isArray: (name) => set.has(name.includes(':') ? name.slice(name.indexOf(':') + 1) : name) || set.has(name),
  });
  return parser.parse(xml) as XmlNode;
}

/** Maps prefixes declared (`xmlns:p="…"`) on the given elements to their URIs. */
export class Namespaces {
  private readonly prefixes = new Map<string, string>();

  constructor(...nodes: (XmlNode | undefined)[]) {
    for (const node of nodes) {
      for (const [k, v] of Object.entries(node ?? {})) {
        if (k.startsWith('@_xmlns:') && typeof v === 'string') this.prefixes.set(k.slice(8), v);
      }
    }
  }

  /** Candidate keys for `ns:local`: every declared prefix bound to that namespace, then the conventional one. */
  keys(ns: NsName, local: string): string[] {
    const uri = NS[ns];
    const out: string[] = [];
    for (const [prefix, u] of this.prefixes) {
      if (u === uri || (uri.endsWith('/') && matchesVersioned(u, uri))) out.push(`${prefix}:${local}`);
    }
    out.push(`${ns}:${local}`);
    return out;
  }

  /** The children `ns:local` of `node` (always an array). */
  all(node: XmlNode | undefined, ns: NsName, local: string): unknown[] {
    if (!node) return [];
    for (const key of this.keys(ns, local)) {
      if (key in node) return asArray(node[key]);
    }
    return [];
  }

  /** Text of the first child `ns:local` of `node`, or null when absent. */
  text(node: XmlNode | undefined, ns: NsName, local: string): string | null {
    const first = this.all(node, ns, local)[0];
    return first === undefined ? null : textOf(first);
  }
}

/** `http(s)://wordpress.org/export/1.2/excerpt/` matches the unversioned `http://wordpress.org/export/excerpt/`. */
function matchesVersioned(actual: string, base: string): boolean {
  // WordPress.com exports use https:// namespace URIs where wordpress.org uses http://.
  return actual.replace(/^https:/, 'http:').replace(/\/\d+(?:\.\d+)*\//, '/') === base;
}

export function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** The text content of a parsed value: a string, `#text` of an element with attributes, '' otherwise. */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length ? textOf(v[0]) : '';
  if (v && typeof v === 'object') return textOf((v as XmlNode)['#text'] ?? '');
  return '';
}

/** Attribute `name` of a parsed element, or null. */
export function attr(v: unknown, name: string): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const a = (v as XmlNode)[`@_${name}`];
  return typeof a === 'string' ? a : null;
}

/** First child element (not text) `key` of `node`, or undefined. */
export function elem(node: XmlNode | undefined, key: string): XmlNode | undefined {
  const v = node ? asArray(node[key])[0] : undefined;
  return v && typeof v === 'object' ? (v as XmlNode) : undefined;
}

/**
 * The character data of a stop node's raw inner XML: CDATA sections are taken literally, the rest has its
 * XML character references decoded once. Markup outside CDATA (Atom `type="xhtml"`) is kept as it is.
 */
export function rawXmlText(raw: string): string {
  let out = '';
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  let last = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    out += decode(raw.slice(last, m.index), { level: 'xml' }) + m[1];
    last = m.index + m[0].length;
  }
  return out + decode(raw.slice(last), { level: 'xml' });
}

/** Resolve `href` against `base` (either may be null); returns `href` unchanged when it cannot be resolved. */
export function resolveUrl(href: string, base: string | null): string {
  try {
    return base ? new URL(href, base).toString() : new URL(href).toString();
  } catch {
    return href;
  }
}

/** 1-based line of character offset `index` in `text`. */
export function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** All text inside a parsed element, children included (document order between text and children is lost). */
export function deepText(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(deepText).join(' ');
  if (v && typeof v === 'object') {
    return Object.entries(v as XmlNode)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([, c]) => deepText(c))
      .join(' ');
  }
  return '';
}
