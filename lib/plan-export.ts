/**
 * The cull plan's downloads, shared by the route handlers (app/api/export/[format]) and `npm run export -- plan`:
 * the data shape they take, the decisions CSV, and the registry of formats (file name, content type, renderer).
 * Pure: data in, text or bytes out.
 */
import { stringify } from 'csv-stringify/sync';
import { culledPostsZip } from './archive';
import { escapeFormula } from './export';
import {
  prepareRules,
  type RedirectRule,
  toApache,
  toGoneList,
  toNetlify,
  toNginx,
  toRedirectionCsv,
} from './redirects';

/** Where a culled post's visitors go, resolved (chains followed): 301 to `to`, or 410. */
export interface ResolvedRedirect {
  kind: 'post' | 'home' | 'url' | 'gone';
  status: 301 | 410;
  /** Safe target path or URL for a 301, null for 410. */
  to: string | null;
  /** Title of the target post (kind `post`), else null. */
  targetTitle: string | null;
  targetPostId: number | null;
  chosenByAuthor: boolean;
  /** Why the target differs from what was asked (a culled target followed, a missing post), or null. */
  remark: string | null;
}

/** One culled post with everything the exports write about it. Times UTC ISO; days `YYYY-MM-DD`. */
export interface PlanPost {
  id: number;
  title: string;
  path: string;
  url: string | null;
  /** The live address (site URL + permalink), or null. */
  liveUrl: string | null;
  publishedAt: string | null;
  label: string | null;
  suggestedLabel: string | null;
  tags: string[];
  wordCount: number;
  content: string;
  note: string;
  decidedAt: string | null;
  lifetimeViews: number;
  last90Views: number;
  first30Views: number;
  botHits: number;
  /** Referrer hosts of its human page views (from access logs), most first. */
  referrers: { referrer: string; pageViews: number }[];
  /** Decoded request paths it answers on (canonical, permalink, aliases). */
  sources: string[];
  trailingSlash: boolean;
  redirect: ResolvedRedirect;
}

/** One post's row in the decisions CSV. */
export interface DecisionRow {
  id: number;
  path: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  authorship: string | null;
  decision: string;
  note: string;
  decidedAt: string | null;
  rereviewOn: string | null;
  lifetimeViews: number;
  last90Views: number;
  redirect: string;
}

/** What every export renders from. */
export interface PlanExportInput {
  culled: PlanPost[];
  decisions: DecisionRow[];
  /** Last day of traffic data (end of "last 90 days"), or null. */
  dataEnd: string | null;
  /** When the export was made, UTC ISO (written into the archive; the zip's file times are fixed). */
  generatedAt: string;
}

/** The redirect rules of the culled posts (input of every redirect format). */
export function planRules(posts: readonly PlanPost[]): { rules: RedirectRule[]; warnings: string[] } {
  return prepareRules(
    posts.map((p) => ({
      postId: p.id,
      title: p.title,
      paths: p.sources,
      trailingSlash: p.trailingSlash,
      status: p.redirect.status,
      to: p.redirect.to,
    })),
  );
}

/** Columns of the decisions CSV, in order. */
export const DECISION_CSV_COLUMNS = [
  'id',
  'path',
  'url',
  'title',
  'published_at',
  'authorship',
  'decision',
  'note',
  'decided_at',
  'rereview_on',
  'lifetime_page_views',
  'last_90_days_page_views',
  'redirect',
] as const;

/** RFC 4180 CSV of every post's decision, text cells formula-escaped (lib/export.ts), `\r\n` line ends. */
export function decisionsToCsv(rows: readonly DecisionRow[]): string {
  return stringify(
    rows.map((r) =>
      [
        r.id,
        r.path,
        r.url,
        r.title,
        r.publishedAt,
        r.authorship,
        r.decision,
        r.note,
        r.decidedAt,
        r.rereviewOn,
        r.lifetimeViews,
        r.last90Views,
        r.redirect,
      ].map((v) => escapeFormula(v ?? '')),
    ),
    { header: true, columns: [...DECISION_CSV_COLUMNS], record_delimiter: 'windows' },
  );
}

export type PlanFormat = 'nginx' | 'apache' | 'netlify' | 'redirection-csv' | 'gone' | 'decisions-csv' | 'archive';

export interface PlanFormatSpec {
  label: string;
  /** ASCII file name offered for download (also the CLI's suggestion). */
  filename: string;
  contentType: string;
  /** One line for the UI and --help. */
  description: string;
  render: (input: PlanExportInput) => string | Uint8Array;
}

/** Every export of the cull plan, in the order the UI lists them. */
export const PLAN_FORMATS: Record<PlanFormat, PlanFormatSpec> = {
  nginx: {
    label: 'nginx',
    filename: 'tend-cull-plan.nginx.conf',
    contentType: 'text/plain; charset=utf-8',
    description: 'exact-match location blocks: return 301 / return 410 (include in the server block)',
    render: (i) => toNginx(planRules(i.culled).rules),
  },
  apache: {
    label: 'Apache (.htaccess)',
    filename: 'tend-cull-plan.htaccess',
    contentType: 'text/plain; charset=utf-8',
    description: 'RedirectMatch 301 / RedirectMatch gone lines for .htaccess or a VirtualHost',
    render: (i) => toApache(planRules(i.culled).rules),
  },
  netlify: {
    label: 'Netlify _redirects',
    filename: '_redirects',
    contentType: 'text/plain; charset=utf-8',
    description: 'from to status lines for the _redirects file',
    render: (i) => toNetlify(planRules(i.culled).rules),
  },
  'redirection-csv': {
    label: 'WordPress Redirection CSV',
    filename: 'tend-redirection-import.csv',
    contentType: 'text/csv; charset=utf-8',
    description: 'CSV for the Redirection plugin (Tools → Redirection → Import)',
    render: (i) => toRedirectionCsv(planRules(i.culled).rules),
  },
  gone: {
    label: '410 list',
    filename: 'tend-gone-410.txt',
    contentType: 'text/plain; charset=utf-8',
    description: 'the paths of posts marked gone (410), one per line',
    render: (i) => toGoneList(planRules(i.culled).rules),
  },
  'decisions-csv': {
    label: 'Decisions CSV',
    filename: 'tend-decisions.csv',
    contentType: 'text/csv; charset=utf-8',
    description: 'every post with its decision, note, numbers and redirect',
    render: (i) => decisionsToCsv(i.decisions),
  },
  archive: {
    label: 'Archive of culled posts (zip)',
    filename: 'tend-culled-posts.zip',
    contentType: 'application/zip',
    description: 'every culled post as Markdown with front matter, plus an index',
    render: (i) => culledPostsZip(i.culled, { generatedAt: i.generatedAt, dataEnd: i.dataEnd }),
  },
};

/** True when `s` names a format. */
export function isPlanFormat(s: unknown): s is PlanFormat {
  return typeof s === 'string' && Object.hasOwn(PLAN_FORMATS, s);
}

/**
 * A `Content-Disposition: attachment` header value for a file name: the name is cut to `[A-Za-z0-9._-]` (anything
 * else becomes `_`) so it can never break out of the quotes or name a path, plus the RFC 6266 `filename*` form.
 */
export function attachmentHeader(filename: string): string {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'download';
  return `attachment; filename="${safe}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
