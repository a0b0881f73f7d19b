import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  attachmentHeader,
  DECISION_CSV_COLUMNS,
  type DecisionRow,
  decisionsToCsv,
  isPlanFormat,
  PLAN_FORMATS,
} from './plan-export';
import { planPost } from './plan-test-helpers';

const row = (over: Partial<DecisionRow> = {}): DecisionRow => ({
  id: 1,
  path: '/a',
  url: 'https://x.example/a/',
  title: '=SUM(A1:A9)',
  publishedAt: '2024-01-01T00:00:00.000Z',
  authorship: 'human',
  decision: 'cull',
  note: '+1 from me, "quoted", with, commas\nand a line',
  decidedAt: '2026-11-20T10:00:00.000Z',
  rereviewOn: null,
  lifetimeViews: 12,
  last90Views: 3,
  redirect: '301 /b/',
  ...over,
});

describe('decisionsToCsv', () => {
  it('parses back with the header, escaping formula cells and keeping numbers', () => {
    const rows = parse(
      decisionsToCsv([row(), row({ id: 2, title: '@me', note: '-', decision: 'keep', rereviewOn: '2027-01-01' })]),
      {
        columns: true,
      },
    ) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...DECISION_CSV_COLUMNS]);
    expect(rows[0].title).toBe("'=SUM(A1:A9)");
    expect(rows[0].note).toBe('\'+1 from me, "quoted", with, commas\nand a line');
    expect(rows[0].lifetime_page_views).toBe('12');
    expect(rows[1]).toMatchObject({ title: "'@me", note: "'-", decision: 'keep', rereview_on: '2027-01-01' });
  });
});

describe('PLAN_FORMATS', () => {
  const gone = planPost({
    id: 8,
    path: '/gone',
    sources: ['/gone'],
    redirect: { ...planPost().redirect, kind: 'gone', status: 410, to: null },
  });
  const input = {
    culled: [planPost(), gone],
    decisions: [row()],
    dataEnd: '2026-11-15',
    generatedAt: '2026-11-20T12:00:00.000Z',
  };
  it('renders every format, text for the rules and a zip for the archive', () => {
    for (const [name, spec] of Object.entries(PLAN_FORMATS)) {
      const body = spec.render(input);
      if (name === 'archive') expect(Object.keys(unzipSync(body as Uint8Array)).length).toBe(4);
      else expect(typeof body === 'string' && body.length > 0, name).toBe(true);
      expect(spec.filename).toMatch(/^[A-Za-z0-9._-]+$/);
    }
  });
  it('knows its own names only', () => {
    expect(isPlanFormat('nginx')).toBe(true);
    expect(isPlanFormat('toString')).toBe(false);
    expect(isPlanFormat('../etc')).toBe(false);
  });
});

describe('attachmentHeader', () => {
  it('keeps a safe name and neutralises quotes, slashes and line breaks', () => {
    expect(attachmentHeader('tend-decisions.csv')).toBe(
      `attachment; filename="tend-decisions.csv"; filename*=UTF-8''tend-decisions.csv`,
    );
    const h = attachmentHeader('../x"; evil\r\nSet-Cookie: a=b.zip');
    expect(h).not.toMatch(/[\r\n/]/);
    expect(h).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9._-]+$/);
  });
});
