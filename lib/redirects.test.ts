import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { encodePath } from './plan-urls';
import {
  apacheQuote,
  nginxQuote,
  prepareRules,
  REDIRECTION_CSV_COLUMNS,
  type RedirectRule,
  regexEscape,
  toApache,
  toGoneList,
  toNetlify,
  toNginx,
  toRedirectionCsv,
} from './redirects';

// Paths that break naive writers: spaces, regex metacharacters, quotes, backslash, `$`, `#`, `;`, braces, unicode.
const TRICKY = [
  '/2024/03/plain-slug',
  '/café walk',
  '/what (really) happened?',
  '/a.b+c*d[e]{f}^g$h|i',
  '/say "hi" & \'bye\'',
  '/back\\slash',
  '/semi;colon{brace}#hash',
  '/100% sure',
  '/2024/:not-a-placeholder/*',
  '/日本語の記事',
];
const NEAR = (p: string) => [`${p}x`, `${p}/more`, p.slice(0, -1), `/x${p}`];

const rules: RedirectRule[] = TRICKY.map((p, i) => ({
  postId: i + 1,
  title: `Post ${i + 1}\nwith a line break`,
  paths: [p, `${p}/`],
  trailingSlash: i % 2 === 0,
  status: i === 3 ? 410 : 301,
  to: i === 3 ? null : `/target-${i}/?a=1&b=2`,
}));
const expected = (path: string) => {
  const i = TRICKY.indexOf(path);
  return i < 0 ? undefined : rules[i];
};

/** nginx's config tokenizer (ngx_conf_file.c): words, `;`, `{`, `}`, `#` comments, quoted strings with escapes. */
function nginxTokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) i++;
    else if (ch === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (ch === ';' || ch === '{' || ch === '}') out.push(text[i++]);
    else if (ch === '"' || ch === "'") {
      let s = '';
      i++;
      while (text[i] !== ch) {
        if (i >= text.length) throw new Error('unterminated string');
        if (text[i] === '\\') {
          const n = text[i + 1];
          s +=
            n === 't'
              ? '\t'
              : n === 'n'
                ? '\n'
                : n === 'r'
                  ? '\r'
                  : n === '"' || n === "'" || n === '\\'
                    ? n
                    : `\\${n}`;
          i += 2;
        } else s += text[i++];
      }
      i++;
      out.push(s);
    } else {
      let s = '';
      while (i < text.length && !/[\s;{}]/.test(text[i])) s += text[i++];
      out.push(s);
    }
  }
  return out;
}

/** Exact-match locations of an nginx snippet: path → [status, target]. */
function parseNginx(text: string): Map<string, [number, string | null]> {
  const t = nginxTokens(text);
  const out = new Map<string, [number, string | null]>();
  for (let i = 0; i < t.length; ) {
    expect(t.slice(i, i + 2)).toEqual(['location', '=']);
    const path = t[i + 2];
    expect(t[i + 3]).toBe('{');
    expect(t[i + 4]).toBe('return');
    const status = Number(t[i + 5]);
    const hasTarget = t[i + 6] !== ';';
    const target = hasTarget ? t[i + 6] : null;
    const j = i + (hasTarget ? 7 : 6);
    expect(t.slice(j, j + 2)).toEqual([';', '}']);
    expect(out.has(path)).toBe(false); // nginx -t rejects a duplicate location
    out.set(path, [status, target]);
    i = j + 2;
  }
  return out;
}

/** Apache's argument tokenizer (server/util.c ap_getword_conf + substring_conf). */
function apacheWords(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (/\s/.test(line[i])) {
      i++;
      continue;
    }
    const quote = line[i] === '"' || line[i] === "'" ? line[i] : null;
    let raw = '';
    if (quote) {
      i++;
      while (i < line.length && line[i] !== quote) {
        if (line[i] === '\\' && i + 1 < line.length && line[i + 1] === quote) raw += line[i++];
        raw += line[i++];
      }
      i++;
    } else while (i < line.length && !/\s/.test(line[i])) raw += line[i++];
    let w = '';
    for (let k = 0; k < raw.length; k++) {
      if (raw[k] === '\\' && (raw[k + 1] === '\\' || (quote && raw[k + 1] === quote))) w += raw[++k];
      else w += raw[k];
    }
    out.push(w);
  }
  return out;
}

/** mod_alias's target substitution (ap_pregsub): `&` and `$0` are the match, `\x` is a literal x. */
function pregsub(target: string, match: string): string {
  let out = '';
  for (let k = 0; k < target.length; k++) {
    const c = target[k];
    if (c === '&' || (c === '$' && target[k + 1] === '0')) {
      out += match;
      if (c === '$') k++;
    } else if (c === '\\' && k + 1 < target.length) out += target[++k];
    else out += c;
  }
  return out;
}

/** What an Apache snippet answers for a decoded request path: [status, location] or undefined. */
function apacheAnswer(text: string, path: string): [number, string | null] | undefined {
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [directive, status, pattern, target] = apacheWords(line);
    expect(directive).toBe('RedirectMatch');
    const m = new RegExp(pattern).exec(path);
    if (!m) continue;
    return status === 'gone' ? [410, null] : [Number(status), pregsub(target, m[0])];
  }
  return undefined;
}

describe('prepareRules', () => {
  it('drops trailing slashes, /, duplicates, control characters and self-redirects, saying why', () => {
    const { rules: out, warnings } = prepareRules([
      { postId: 1, title: 'a', paths: ['/a/', '/a', '/', '/bad\nline'], trailingSlash: true, status: 301, to: '/b/' },
      { postId: 2, title: 'b', paths: ['/a', '/c'], trailingSlash: false, status: 410, to: null },
      { postId: 3, title: 'loop', paths: ['/self'], trailingSlash: true, status: 301, to: '/self/' },
    ]);
    expect(out.map((r) => [r.postId, r.paths])).toEqual([
      [1, ['/a']],
      [2, ['/c']],
    ]);
    expect(warnings.join('\n')).toMatch(/post 1: path "\/bad\\nline" has a control character/);
    expect(warnings.join('\n')).toMatch(/post 2: path \/a is already redirected/);
    expect(warnings.join('\n')).toMatch(/post 3: redirects to its own path/);
  });
});

describe('nginx', () => {
  const { rules: prepared } = prepareRules(rules);
  const text = toNginx(prepared);
  const map = parseNginx(text);

  it('answers every tricky path, with and without the trailing slash, with its own target', () => {
    for (const p of TRICKY) {
      const r = expected(p);
      for (const form of [p, `${p}/`]) {
        expect(map.get(form), form).toEqual(r?.status === 410 ? [410, null] : [301, r?.to]);
      }
    }
  });

  it('answers no near-miss path (exact matches, no prefixes or regexes)', () => {
    for (const p of TRICKY)
      for (const near of NEAR(p)) if (!TRICKY.includes(near)) expect(map.has(near), near).toBe(false);
  });

  it('keeps titles with line breaks inside their comment', () => {
    expect(text).toContain('# Post 1 with a line break (post 1)');
  });

  it('quotes backslashes and double quotes', () => {
    expect(nginxQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(nginxTokens(nginxQuote('x "y" \\z ;{}#'))).toEqual(['x "y" \\z ;{}#']);
  });
});

describe('Apache', () => {
  const text = toApache(prepareRules(rules).rules);

  it('sends every tricky path (with or without slash) to its target, & in the target staying literal', () => {
    for (const p of TRICKY) {
      const r = expected(p);
      for (const form of [p, `${p}/`]) {
        expect(apacheAnswer(text, form), form).toEqual(r?.status === 410 ? [410, null] : [301, r?.to]);
      }
    }
  });

  it('matches no near-miss path (RedirectMatch is anchored, unlike the prefix-matching Redirect)', () => {
    for (const p of TRICKY)
      for (const near of NEAR(p)) if (!TRICKY.includes(near)) expect(apacheAnswer(text, near), near).toBeUndefined();
  });

  it('never lets a title comment end in a backslash (Apache would join the next line to it)', () => {
    const text = toApache(prepareRules([{ ...rules[0], title: 'ends in a backslash \\' }]).rules);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('#')).every((l) => !l.endsWith('\\'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('RedirectMatch'))).toHaveLength(1);
  });

  it('escapes regex metacharacters and config quoting separately', () => {
    expect(regexEscape('/a.b(c)?')).toBe('/a\\.b\\(c\\)\\?');
    expect(apacheWords(`X ${apacheQuote('^/a\\\\b "q"$')}`)).toEqual(['X', '^/a\\\\b "q"$']);
  });
});

describe('Netlify _redirects', () => {
  const text = toNetlify(prepareRules(rules).rules);
  const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));

  it('writes one from/to/status line per path, three fields, encoded so no placeholder or splat appears', () => {
    expect(lines).toHaveLength(TRICKY.length);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      expect(fields).toHaveLength(3);
      const [from, to, status] = fields;
      expect(from).not.toMatch(/[:*#\s]/);
      const r = expected(decodeURIComponent(from));
      expect(r, from).toBeDefined();
      expect(status).toBe(`${r?.status}!`);
      expect(to).toBe(r?.status === 410 ? '/404.html' : r?.to);
    }
  });
});

describe('WordPress Redirection CSV', () => {
  it('has the plugin header and one row per path in the permalink form, regex 0, 410 rows without target', () => {
    const rows = parse(toRedirectionCsv(prepareRules(rules).rules), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...REDIRECTION_CSV_COLUMNS]);
    expect(rows).toHaveLength(TRICKY.length);
    rows.forEach((row, i) => {
      const r = rules[i];
      expect(row.source).toBe(r.trailingSlash ? `${TRICKY[i]}/` : TRICKY[i]);
      expect(row.target).toBe(r.status === 410 ? '' : r.to);
      expect(row.regex).toBe('0');
      expect(row.code).toBe(String(r.status));
      expect(row.type).toBe(r.status === 410 ? 'error' : 'url');
      expect(row.status).toBe('active');
    });
  });

  it('escapes a title that a spreadsheet would run as a formula', () => {
    const csv = toRedirectionCsv([{ ...rules[0], title: '=HYPERLINK("x")' }]);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row.title).toBe('\'=HYPERLINK("x")');
  });
});

describe('410 list', () => {
  it('lists only gone paths, percent-encoded, one per line', () => {
    const text = toGoneList(prepareRules(rules).rules);
    expect(text.trim().split('\n')).toEqual([encodePath(TRICKY[3])]);
    expect(decodeURIComponent(text.trim())).toBe(TRICKY[3]);
    expect(toGoneList([])).toBe('');
  });
});
