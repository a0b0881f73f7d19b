/**
 * The cull plan (/plan and `npm run export -- plan`): every culled post with what it costs (page views lifetime and
 * in the last 90 days of data, share of all post traffic, referrers from access logs) and where its visitors go.
 *
 * Redirect targets: the author's choice (`redirects` rows with chosen_by_author) wins; otherwise the suggestion from
 * lib/plan-similarity.ts (most similar kept post by title and tags, else the home page), computed at read time so it
 * follows every new decision. A target post that is itself culled is followed to its own target (no redirect chains);
 * a loop ends at the home page.
 */

import type { PlanPost, ResolvedRedirect } from '../../lib/plan-export';
import { suggestTargets, type TargetSuggestion } from '../../lib/plan-similarity';
import { encodePath, livePostUrl, pathOf, sourcePaths } from '../../lib/plan-urls';
import type { Db } from '../client';

export interface PlanTotals {
  culled: number;
  culledLifetime: number;
  culledLast90: number;
  /** All posts' human page views, lifetime and in the window (for the share). */
  siteLifetime: number;
  siteLast90: number;
  /** The 90-day window: `windowStart`..`dataEnd` inclusive, or nulls without traffic data. */
  windowStart: string | null;
  dataEnd: string | null;
  redirected: number;
  gone: number;
  chosenByAuthor: number;
}

export interface CullPlan {
  posts: PlanPost[];
  totals: PlanTotals;
  /** Referrers of all culled posts together, most first (top 10). */
  topReferrers: { referrer: string; pageViews: number }[];
  /** True when any access log gave referrers at all (else the page says where they come from). */
  hasReferrers: boolean;
  /** Per culled post: the similar kept posts the author can pick (best first) with titles. */
  choices: Map<number, { postId: number; title: string; score: number }[]>;
}

interface Row {
  id: number;
  title: string;
  path: string;
  url: string | null;
  publishedAt: string | null;
  status: string;
  tags: string;
  decision: string;
  label: string | null;
  suggestedLabel: string | null;
  wordCount: number;
  content: string;
  note: string;
  decidedAt: string | null;
  lifetimeViews: number;
  first30Views: number;
  botHits: number;
}

interface Choice {
  target: 'post' | 'home' | 'url' | 'gone';
  targetPostId: number | null;
  targetUrl: string | null;
  chosenByAuthor: boolean;
}

const tagsOf = (json: string): string[] => {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

/** Human page views per post in the 90 days ending at `dataEnd` (inclusive). */
export function last90ByPost(db: Db, dataEnd: string | null): Map<number, number> {
  if (!dataEnd) return new Map();
  const rows = db.$client
    .prepare(`select post_id as id, sum(page_views) as n from counted_daily_views where day > date(?, '-90 days') and day <= ?
      group by post_id`)
    .all(dataEnd, dataEnd) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The permalink path a redirect to this post should use (keeps its trailing slash, so no extra hop). */
export function targetPathOf(p: { path: string; url: string | null }): string {
  return (p.url ? pathOf(p.url) : null) ?? encodePath(p.path);
}

/** Build the whole plan. `siteUrl` (settings) makes the live links. */
export function getCullPlan(db: Db, siteUrl: string): CullPlan {
  const c = db.$client;
  const all = c
    .prepare(`select p.id, p.title, p.path, p.url, p.published_at as publishedAt, p.status, p.tags,
        coalesce(d.decision, 'undecided') as decision, a.label, a.suggested_label as suggestedLabel,
        p.word_count as wordCount, p.content, coalesce(d.note, '') as note, d.updated_at as decidedAt,
        coalesce(s.lifetime_views, 0) as lifetimeViews, coalesce(s.first30_views, 0) as first30Views,
        coalesce(s.bot_hits, 0) as botHits
      from posts p left join decisions d on d.post_id = p.id left join authorship a on a.post_id = p.id
        left join post_stats s on s.post_id = p.id`)
    .all() as Row[];
  const byId = new Map(all.map((r) => [r.id, r]));
  const culled = all.filter((r) => r.decision === 'cull');
  const kept = all.filter((r) => r.decision === 'keep' && r.status === 'publish');
  const dataEnd = (c.prepare('select max(day) as d from daily_views').get() as { d: string | null }).d;
  const last90 = last90ByPost(db, dataEnd);
  const docs = (rows: Row[]) =>
    rows.map((r) => ({ id: r.id, title: r.title, tags: tagsOf(r.tags), publishedAt: r.publishedAt }));
  const suggestions = suggestTargets(docs(all), docs(culled), docs(kept));

  const ids = culled.map((r) => r.id);
  const inList = ids.map(() => '?').join(',') || 'null';
  const stored = new Map(
    (
      c
        .prepare(`select post_id as postId, target, target_post_id as targetPostId, target_url as targetUrl,
            chosen_by_author as chosen from redirects where post_id in (${inList})`)
        .all(...ids) as {
        postId: number;
        target: Choice['target'];
        targetPostId: number | null;
        targetUrl: string | null;
        chosen: number;
      }[]
    ).map((r) => [r.postId, r]),
  );
  const choiceOf = (id: number): Choice => {
    const s = stored.get(id);
    if (s?.chosen)
      return { target: s.target, targetPostId: s.targetPostId, targetUrl: s.targetUrl, chosenByAuthor: true };
    const sug = suggestions.get(id) as TargetSuggestion | undefined;
    return sug?.postId
      ? { target: 'post', targetPostId: sug.postId, targetUrl: null, chosenByAuthor: false }
      : { target: 'home', targetPostId: null, targetUrl: null, chosenByAuthor: false };
  };
  const resolve = (id: number, seen: Set<number>): ResolvedRedirect => {
    const ch = choiceOf(id);
    const base = { chosenByAuthor: ch.chosenByAuthor, targetTitle: null, targetPostId: null, remark: null };
    if (ch.target === 'gone') return { ...base, kind: 'gone', status: 410, to: null };
    if (ch.target === 'url' && ch.targetUrl) return { ...base, kind: 'url', status: 301, to: ch.targetUrl };
    if (ch.target === 'post') {
      const t = ch.targetPostId !== null ? byId.get(ch.targetPostId) : undefined;
      if (!t || t.id === id)
        return { ...base, kind: 'home', status: 301, to: '/', remark: 'the chosen post no longer exists: home page' };
      if (t.decision === 'cull') {
        if (seen.has(t.id))
          return { ...base, kind: 'home', status: 301, to: '/', remark: 'targets lead in a circle: home page' };
        const next = resolve(t.id, new Set([...seen, t.id]));
        return {
          ...next,
          chosenByAuthor: ch.chosenByAuthor,
          remark: `“${t.title}” is culled too: following its redirect`,
        };
      }
      return { ...base, kind: 'post', status: 301, to: targetPathOf(t), targetTitle: t.title, targetPostId: t.id };
    }
    return { ...base, kind: 'home', status: 301, to: '/' };
  };

  const aliases = new Map<number, string[]>();
  for (const a of c
    .prepare(`select post_id as id, path from post_aliases where post_id in (${inList}) order by path`)
    .all(...ids) as {
    id: number;
    path: string;
  }[]) {
    aliases.set(a.id, [...(aliases.get(a.id) ?? []), a.path]);
  }
  const refRows = c
    .prepare(`select post_id as id, referrer, sum(page_views) as pageViews from post_referrers where post_id in (${inList})
      group by post_id, referrer order by pageViews desc, referrer`)
    .all(...ids) as { id: number; referrer: string; pageViews: number }[];
  const refs = new Map<number, { referrer: string; pageViews: number }[]>();
  const overall = new Map<string, number>();
  for (const r of refRows) {
    refs.set(r.id, [...(refs.get(r.id) ?? []), { referrer: r.referrer, pageViews: r.pageViews }]);
    overall.set(r.referrer, (overall.get(r.referrer) ?? 0) + r.pageViews);
  }

  const posts: PlanPost[] = culled.map((r) => ({
    id: r.id,
    title: r.title,
    path: r.path,
    url: r.url,
    liveUrl: livePostUrl(siteUrl, r.path, r.url),
    publishedAt: r.publishedAt,
    label: r.label,
    suggestedLabel: r.suggestedLabel,
    tags: tagsOf(r.tags),
    wordCount: r.wordCount,
    content: r.content,
    note: r.note,
    decidedAt: r.decidedAt,
    lifetimeViews: r.lifetimeViews,
    last90Views: last90.get(r.id) ?? 0,
    first30Views: r.first30Views,
    botHits: r.botHits,
    referrers: refs.get(r.id) ?? [],
    sources: sourcePaths(r.path, r.url, aliases.get(r.id) ?? []),
    trailingSlash: (r.url ? pathOf(r.url) : null)?.endsWith('/') ?? false,
    redirect: resolve(r.id, new Set([r.id])),
  }));
  posts.sort((a, b) => b.last90Views - a.last90Views || b.lifetimeViews - a.lifetimeViews || a.id - b.id);

  const siteLifetime = all.reduce((s, r) => s + r.lifetimeViews, 0);
  const siteLast90 = [...last90.values()].reduce((s, n) => s + n, 0);
  const hasReferrers = c.prepare('select 1 from post_referrers limit 1').get() !== undefined;
  const choices = new Map(
    posts.map((p) => [
      p.id,
      (suggestions.get(p.id)?.ranked ?? []).map((x) => ({ ...x, title: byId.get(x.postId)?.title ?? '' })),
    ]),
  );
  return {
    posts,
    totals: {
      culled: posts.length,
      culledLifetime: posts.reduce((s, p) => s + p.lifetimeViews, 0),
      culledLast90: posts.reduce((s, p) => s + p.last90Views, 0),
      siteLifetime,
      siteLast90,
      windowStart: dataEnd ? shiftDay(dataEnd, -89) : null,
      dataEnd,
      redirected: posts.filter((p) => p.redirect.status === 301).length,
      gone: posts.filter((p) => p.redirect.status === 410).length,
      chosenByAuthor: posts.filter((p) => p.redirect.chosenByAuthor).length,
    },
    topReferrers: [...overall.entries()]
      .map(([referrer, pageViews]) => ({ referrer, pageViews }))
      .sort((a, b) => b.pageViews - a.pageViews || a.referrer.localeCompare(b.referrer))
      .slice(0, 10),
    hasReferrers,
    choices,
  };
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
