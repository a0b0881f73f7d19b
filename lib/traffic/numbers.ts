/**
 * Whole-number counts as analytics tools and spreadsheets write them, in any digit-grouping style:
 * `1234`, `1,234` (en), `1 234` / `1\u00a0234` / `1\u202f234` (fr, with a normal, no-break or narrow no-break space),
 * `1'234` (de-CH), `1.234` (de, es, it, ... only when the locale says dots group digits: without a locale it could
 * just as well be a decimal, so it is an error). A count is never negative or fractional: `12.0` is 12, `12.5` is an
 * error, and so is `1,5` where the locale uses a decimal comma.
 */

/** Grouping and decimal separators of a locale. */
export interface NumberStyle {
  group: string;
  decimal: string;
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * The digit-group and decimal separators `Intl` uses for a BCP 47 locale (`de`, `fr-FR`, `en-US`).
 * @throws Error naming the locale when this Node has no data for it.
 */
export function numberStyle(locale: string): NumberStyle {
  let supported: string[];
  try {
    supported = Intl.NumberFormat.supportedLocalesOf([locale]);
  } catch {
    supported = [];
  }
  if (supported.length === 0) throw new Error(`unknown locale "${locale}" (expected a BCP 47 tag such as de or fr-FR)`);
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  return { group: group.replace(SPACES, ' '), decimal };
}

/**
 * Parse a count, or say why it is not one.
 *
 * @param raw the cell as written (surrounding spaces are ignored).
 * @param style separators from {@link numberStyle}; without it, commas, spaces and apostrophes group digits and a
 *   lone dot is accepted only as a decimal point before zeros (`12.0`); `1.234` is then reported as ambiguous.
 * @returns the integer, or a short English reason naming the value.
 * @example parseCountOrReason('"3,047"'.slice(1, -1)) === 3047
 */
export function parseCountOrReason(raw: string, style?: NumberStyle): number | string {
  const s = raw.trim().replace(SPACES, ' ');
  if (s === '') return 'empty number';
  if (/^\d+$/.test(s)) return toSafe(s, raw);
  if (s.startsWith('-')) return `negative count "${raw.trim()}"`;
  const group = style?.group;
  const decimal = style?.decimal ?? '.';
  // Split off a decimal part first; it must be zeros for a count.
  let intPart = s;
  const d = s.lastIndexOf(decimal);
  if (d >= 0) {
    const frac = s.slice(d + 1);
    // Without a locale, three digits after a dot (`1.000`) may be a German thousand: left to the ambiguity check.
    if (/^\d+$/.test(frac) && (style !== undefined || frac.length !== 3)) {
      if (!/^0+$/.test(frac)) return `not a whole number "${raw.trim()}"`;
      intPart = s.slice(0, d);
    }
  }
  if (/^\d+$/.test(intPart)) return toSafe(intPart, raw);
  const groups = group === undefined ? [',', ' ', "'", '\u2019'] : [group];
  for (const g of groups) {
    const re = new RegExp(`^\\d{1,3}(${escapeRe(g)}\\d{3})+$`);
    if (re.test(intPart)) return toSafe(intPart.split(g).join(''), raw);
  }
  if (style === undefined && isDotGrouped(intPart)) return toSafe(intPart.split('.').join(''), raw);
  if (style === undefined && /^\d{1,3}(\.\d{3})+$/.test(intPart)) {
    return `ambiguous number "${raw.trim()}": dots grouping thousands or a decimal point? Give the locale (e.g. --locale de) to read dots as grouping`;
  }
  if (style !== undefined && /^\d+[.,]\d+$/.test(intPart)) {
    return `not a whole number "${raw.trim()}" in this locale (decimal "${decimal}", grouping "${group}")`;
  }
  return `not a count "${raw.trim()}"`;
}

/** {@link parseCountOrReason} returning null instead of a reason. */
export function parseCount(raw: string, style?: NumberStyle): number | null {
  const r = parseCountOrReason(raw, style);
  return typeof r === 'number' ? r : null;
}

/** `1.234.567` has two or more dot groups: unambiguous grouping even without a locale. */
function isDotGrouped(s: string): boolean {
  return /^\d{1,3}(\.\d{3}){2,}$/.test(s);
}

function toSafe(digits: string, raw: string): number | string {
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : `number too large "${raw.trim()}"`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
