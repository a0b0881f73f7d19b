/**
 * A culled post for the plan-export tests (lib/archive.test.ts, lib/plan-export.test.ts): a title with quotes, an
 * emoji and `---`, a note that a spreadsheet would run, a body with a front-matter-like line.
 */
import type { PlanPost } from './plan-export';

/** One PlanPost with every field filled; `over` replaces fields. */
export function planPost(over: Partial<PlanPost> = {}): PlanPost {
  return {
    id: 7,
    title: 'Tomatoes & "Heirloom" Seeds — Dad\'s 🍅: a --- test',
    path: '/2024/03/tomatoes-heirloom',
    url: 'https://blog.example/2024/03/tomatoes-heirloom/',
    liveUrl: 'https://blog.example/2024/03/tomatoes-heirloom/',
    publishedAt: '2024-03-01T09:15:00.000Z',
    label: 'ai-generated',
    suggestedLabel: 'ai-assisted',
    tags: ['Garden', 'tomatoes'],
    wordCount: 5,
    content: 'First paragraph.\n\n---\n\nA line that looks like front matter.',
    note: '=cmd|" /C calc"!A0',
    decidedAt: '2026-11-20T10:00:00.000Z',
    lifetimeViews: 1234,
    last90Views: 56,
    first30Views: 789,
    botHits: 10,
    referrers: [{ referrer: 'news.ycombinator.com', pageViews: 40 }],
    sources: ['/2024/03/tomatoes-heirloom', '/2024/03/tomatoes-heirloom/'],
    trailingSlash: true,
    redirect: {
      kind: 'post',
      status: 301,
      to: '/2024/05/raised-beds/',
      targetTitle: 'Raised beds',
      targetPostId: 9,
      chosenByAuthor: false,
      remark: null,
    },
    ...over,
  };
}
