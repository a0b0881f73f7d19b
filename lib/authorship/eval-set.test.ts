import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToText } from '../posts/markdown';
import { countWords, htmlToText } from '../text';
import { suggestAuthorship } from './suggest';

// The evaluation set behind `npm run eval:authorship` (fixtures/authorship/eval). Its numbers are reported by the
// script; this keeps the set well-formed and guards the one property the rules promise: no human text called AI.
const DIR = path.resolve(__dirname, '../../fixtures/authorship/eval');
interface Item {
  file: string;
  side: 'human' | 'ai';
  title: string;
  author: string;
  date: string;
  source: string | null;
  licence: string;
}
const items = (JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { items: Item[] }).items;
const text = (it: Item) => {
  const raw = fs.readFileSync(path.join(DIR, it.file), 'utf8');
  return it.file.endsWith('.html') ? htmlToText(raw) : markdownToText(raw);
};

describe('authorship evaluation set', () => {
  it('has at least 40 texts, 20 a side, each file present once', () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(items.filter((i) => i.side === 'human').length).toBeGreaterThanOrEqual(20);
    expect(items.filter((i) => i.side === 'ai').length).toBeGreaterThanOrEqual(20);
    expect(new Set(items.map((i) => i.file)).size).toBe(items.length);
    const onDisk = ['human', 'ai'].flatMap((d) => fs.readdirSync(path.join(DIR, d)).map((f) => `${d}/${f}`));
    expect(onDisk.sort()).toEqual(items.map((i) => i.file).sort());
  });

  it('records author, date, source and licence of every human text, all from before 2020', () => {
    for (const it of items.filter((i) => i.side === 'human')) {
      expect(it.author, it.file).toBeTruthy();
      expect(it.source, it.file).toMatch(/^https:\/\//);
      expect(it.licence, it.file).toMatch(/CC BY|public domain/i);
      expect(it.date < '2020-01-01', it.file).toBe(true);
    }
  });

  it('rules alone call no human text AI', () => {
    const flagged = items
      .filter((i) => i.side === 'human')
      .map((i) => ({ file: i.file, s: suggestAuthorship({ title: i.title, content: text(i), publishedAt: null }) }))
      .filter((r) => r.s.score >= 0.6);
    expect(flagged.map((f) => `${f.file} ${f.s.score}`)).toEqual([]);
  });

  it('most texts are long enough to judge', () => {
    const short = items.filter((i) => countWords(text(i)) < 300);
    expect(short.length).toBeLessThanOrEqual(3);
  });
});
