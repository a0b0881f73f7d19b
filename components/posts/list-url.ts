/**
 * URLs of the /posts list: the filter (authorship, decision, search), the sort, the page size and the page, in one
 * query string, so every link on the page (sort headings, prev/next) keeps what the author chose.
 */

/** The list's state as the URL carries it; an absent key is the default (no filter, newest first, page 1). */
export interface ListState {
  cohort?: string;
  decision?: string;
  q?: string;
  sort?: string;
  dir?: 'asc' | 'desc';
  /** Posts per page; absent means {@link DEFAULT_PER_PAGE}. */
  per?: number;
  /** 1-based page number; absent means 1. */
  page?: number;
}

/** Posts per page unless the URL says otherwise (`?per=`, 1–{@link MAX_PER_PAGE}). */
export const DEFAULT_PER_PAGE = 100;
/** The most rows one page renders, whatever the URL asks for. */
export const MAX_PER_PAGE = 500;

/** `/posts?…` for a state: keys in a fixed order, defaults left out (page 1, the default page size). */
export function listHref(s: ListState): string {
  const p = new URLSearchParams();
  if (s.cohort) p.set('cohort', s.cohort);
  if (s.decision) p.set('decision', s.decision);
  if (s.q) p.set('q', s.q);
  if (s.sort) p.set('sort', s.sort);
  if (s.dir) p.set('dir', s.dir);
  if (s.per && s.per !== DEFAULT_PER_PAGE) p.set('per', String(s.per));
  if (s.page && s.page > 1) p.set('page', String(s.page));
  const q = p.toString();
  return q ? `/posts?${q}` : '/posts';
}

/** Where a page starts and ends: 1-based `first`–`last` row numbers, the page clamped to 1..pages. */
export function pageWindow(
  total: number,
  per: number,
  page: number,
): { page: number; pages: number; offset: number; first: number; last: number } {
  const pages = Math.max(1, Math.ceil(total / per));
  const p = Math.min(Math.max(1, page), pages);
  const offset = (p - 1) * per;
  return { page: p, pages, offset, first: total === 0 ? 0 : offset + 1, last: Math.min(total, offset + per) };
}
