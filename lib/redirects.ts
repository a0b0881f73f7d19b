/**
 * Redirect rules of the cull plan, written for each server: nginx, Apache (mod_alias), Netlify `_redirects`, the
 * WordPress Redirection plugin's CSV import, and a plain 410 list. Pure: rules in, text out.
 *
 * A rule's source paths are decoded (`/café walk`), as nginx (`location`) and Apache (`RedirectMatch`) compare them
 * with the percent-decoded request path; formats that are whitespace-separated (Netlify) or URL-based get them
 * percent-encoded. Targets come from lib/plan-urls.ts `normalizeTargetUrl` (or a permalink path), so they hold no
 * `$`, `\`, quote, space or control character.
 */
import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from './export';
import { encodePath } from './plan-urls';

export interface RedirectRule {
  postId: number;
  title: string;
  /** Decoded request paths of the post, without trailing slash (`/2024/03/slug`). Never `/`. */
  paths: string[];
  /** True when the post's permalinks end in `/` (WordPress default): formats that list one form use that one. */
  trailingSlash: boolean;
  /** 301 (moved to `to`) or 410 (gone). */
  status: 301 | 410;
  /** Where a 301 leads: a path starting with `/` or an absolute http(s) URL, percent-encoded; null for 410. */
  to: string | null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: a control character cannot be written into a config safely
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Clean a rule set before writing: trailing slashes dropped from source paths, `/`, paths with control characters and
 * paths already claimed by an earlier rule left out, and a rule that would redirect to one of its own paths (a loop)
 * turned into nothing. Each thing left out is reported in `warnings` (post id and reason).
 */
export function prepareRules(input: readonly RedirectRule[]): { rules: RedirectRule[]; warnings: string[] } {
  const seen = new Set<string>();
  const warnings: string[] = [];
  const rules: RedirectRule[] = [];
  for (const r of input) {
    const paths: string[] = [];
    for (const raw of r.paths) {
      const p = raw.length > 1 ? raw.replace(/\/+$/, '') : raw;
      if (!p.startsWith('/') || p === '/' || p === '') continue;
      if (CONTROL.test(p)) {
        warnings.push(`post ${r.postId}: path ${JSON.stringify(p)} has a control character; left out`);
        continue;
      }
      if (seen.has(p)) {
        if (!paths.includes(p))
          warnings.push(`post ${r.postId}: path ${p} is already redirected by another post; left out`);
        continue;
      }
      seen.add(p);
      paths.push(p);
    }
    if (r.status === 301 && r.to && r.to.startsWith('/') && paths.includes(decodeTarget(r.to))) {
      warnings.push(`post ${r.postId}: redirects to its own path ${r.to}; left out (it would loop)`);
      for (const p of paths) seen.delete(p);
      continue;
    }
    if (paths.length > 0) rules.push({ ...r, paths });
  }
  return { rules, warnings };
}

function decodeTarget(to: string): string {
  const path = to.split(/[?#]/)[0];
  let d = path;
  try {
    d = decodeURIComponent(path);
  } catch {
    // keep as is
  }
  return d.length > 1 ? d.replace(/\/+$/, '') : d;
}

/**
 * A comment line's text: control characters and line breaks turned into spaces, and trailing backslashes dropped
 * (Apache joins a line ending in `\` with the next one, which would swallow the rule below the comment).
 */
function commentText(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what gets removed
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .trim()
      .replace(/[\s\\]+$/, '')
  );
}

/** Header comment lines shared by the config formats. */
function header(rules: RedirectRule[], lines: string[]): string[] {
  const moved = rules.filter((r) => r.status === 301).length;
  const gone = rules.length - moved;
  return [`# Tend cull plan: ${moved} posts redirected (301), ${gone} gone (410).`, ...lines.map((l) => `# ${l}`), ''];
}

/**
 * nginx string in double quotes: `\` and `"` escaped (nginx's config parser turns `\"` and `\\` back). Quoting keeps
 * spaces, `;`, `{`, `}` and `#` literal. nginx does not expand variables in `location`, and targets never hold `$`.
 */
export function nginxQuote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * nginx: one exact-match `location` per path and per trailing-slash form, returning 301 to the target or 410.
 * Include the file inside the site's `server { }` block. Source: nginx docs, ngx_http_core_module `location`
 * (exact match `=`, compared with the decoded, normalized URI) and ngx_http_rewrite_module `return`.
 */
export function toNginx(rules: RedirectRule[]): string {
  const out = header(rules, [
    "Include inside your site's server { } block:  include /etc/nginx/snippets/tend-cull-plan.conf;",
    'Exact matches on the decoded request path, with and without the trailing slash; query strings are ignored.',
  ]);
  for (const r of rules) {
    out.push(`# ${commentText(r.title)} (post ${r.postId})`);
    const action = r.status === 410 ? 'return 410;' : `return 301 ${nginxQuote(r.to ?? '/')};`;
    for (const p of r.paths) {
      for (const form of [p, `${p}/`]) out.push(`location = ${nginxQuote(form)} { ${action} }`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** PCRE-escape a literal: every regex metacharacter gets a backslash. */
export function regexEscape(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}]/g, (c) => `\\${c}`);
}

/**
 * Apache config argument in double quotes. Apache's tokenizer (server/util.c `substring_conf`) turns `\\` into `\`
 * and `\"` into `"`, and leaves any other backslash alone, so only a backslash before another backslash, a quote or
 * the closing quote is doubled (regex escapes such as `\(` stay readable), and quotes are escaped.
 */
export function apacheQuote(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') out += '\\"';
    else if (c === '\\') out += i + 1 === s.length || s[i + 1] === '\\' || s[i + 1] === '"' ? '\\\\' : '\\';
    else out += c;
  }
  return `"${out}"`;
}

/**
 * Apache (mod_alias, in `.htaccess` or a `<VirtualHost>`): `RedirectMatch 301 "^/path/?$" "target"` and
 * `RedirectMatch gone "^/path/?$"`. RedirectMatch rather than `Redirect`, because `Redirect` matches prefixes (it
 * would also move `/path-2` and `/path/sub`). In the target, `&` means "the whole match" to mod_alias and is
 * escaped as `\&`. Source: Apache httpd docs, mod_alias RedirectMatch.
 */
export function toApache(rules: RedirectRule[]): string {
  const out = header(rules, [
    "Put these lines in the site's .htaccess or inside its <VirtualHost> (needs mod_alias, on by default).",
    'Each matches one decoded request path, with or without the trailing slash; query strings are ignored.',
  ]);
  for (const r of rules) {
    out.push(`# ${commentText(r.title)} (post ${r.postId})`);
    for (const p of r.paths) {
      const pattern = apacheQuote(`^${regexEscape(p)}/?$`);
      if (r.status === 410) out.push(`RedirectMatch gone ${pattern}`);
      else out.push(`RedirectMatch 301 ${pattern} ${apacheQuote((r.to ?? '/').replace(/&/g, '\\&'))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * A path for Netlify's `_redirects`: percent-encoded (the file is whitespace-separated), with `:` and `*` encoded
 * too, since Netlify reads `:name` as a placeholder and `*` as a splat.
 */
export function netlifyPath(p: string): string {
  return encodePath(p);
}

/**
 * Netlify `_redirects`: `from to status!` per path (Netlify matches with and without the trailing slash). `!` forces
 * the rule even if the old page's file is still deployed. Gone posts serve `/404.html` with status 410.
 * Source: Netlify docs, "Redirects and rewrites" and "Redirect options" (status codes, shadowing).
 */
export function toNetlify(rules: RedirectRule[]): string {
  const out = header(rules, [
    'Save as _redirects in the folder you publish (or append to the one you have).',
    'Gone posts show /404.html with status 410: keep a 404.html page in your site.',
  ]);
  for (const r of rules) {
    for (const p of r.paths) {
      out.push(`${netlifyPath(p)}  ${r.status === 410 ? '/404.html' : r.to}  ${r.status}!`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Columns of the WordPress Redirection plugin's CSV import and export (fileio/csv.php in the plugin). */
export const REDIRECTION_CSV_COLUMNS = [
  'source',
  'target',
  'regex',
  'code',
  'type',
  'hits',
  'title',
  'status',
] as const;

/**
 * WordPress Redirection plugin CSV (Tools → Redirection → Import/Export): source URL (the permalink form, decoded),
 * target URL, regex 0, code 301/410, type `url`/`error`, hits 0, title, status `active`. A 410 row has an empty
 * target, as the plugin's own export writes it. Titles are formula-escaped for spreadsheets.
 */
export function toRedirectionCsv(rules: RedirectRule[]): string {
  const rows = rules.flatMap((r) =>
    r.paths.map((p) => [
      r.trailingSlash ? `${p}/` : p,
      r.status === 410 ? '' : r.to,
      0,
      r.status,
      r.status === 410 ? 'error' : 'url',
      0,
      escapeFormula(r.title),
      'active',
    ]),
  );
  return stringify(rows, { header: true, columns: [...REDIRECTION_CSV_COLUMNS], record_delimiter: 'unix' });
}

/** Plain list of the gone (410) paths, percent-encoded, one per line, in the permalink form. */
export function toGoneList(rules: RedirectRule[]): string {
  const lines = rules
    .filter((r) => r.status === 410)
    .flatMap((r) => r.paths.map((p) => encodePath(r.trailingSlash ? `${p}/` : p)));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
