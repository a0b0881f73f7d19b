import { describe, expect, it } from 'vitest';
import {
  aiVocabulary,
  burstiness,
  casualHedges,
  computeSignals,
  emDash,
  firstPerson,
  labelLeadIns,
  type PostText,
  scheduledTime,
  stockPhrases,
  structure,
  titlePattern,
} from './signals';
import { SIGNAL_WEIGHTS } from './weights';

const post = (content: string, extra: Partial<PostText> = {}): PostText => ({
  title: 'A post',
  content,
  publishedAt: null,
  ...extra,
});

describe('stockPhrases', () => {
  it.each([
    {
      text: "In this blog post, we'll unpack the results. Why it matters: costs fall. In short, it works.",
      distinct: 4, // in-this-post, we-will-explore, why-it-matters, in-short
      fired: true,
    },
    { text: 'Imagine you could fly. The paper dives into wings. Key findings follow.', distinct: 3, fired: true },
    { text: 'We went to the lake. In short, it rained.', distinct: 1, fired: false },
    { text: 'I planted beans and the slugs ate them.', distinct: 0, fired: false },
    { text: 'Text\n\nConclusion: it holds up\n\nThe takeaway is simple.', distinct: 2, fired: true },
    {
      text: 'It isn’t just a gadget—it’s a platform. Whether you’re a cook or a critic, read on.',
      distinct: 2,
      fired: true,
    },
  ])('$text -> $distinct distinct', ({ text, distinct, fired }) => {
    const s = stockPhrases(post(text));
    expect(s.value).toBe(distinct);
    expect(s.fired).toBe(fired);
    expect(s.weight).toBe(
      fired ? Math.round(Math.min(distinct, 4) * SIGNAL_WEIGHTS['stock-phrases'].weight * 100) / 100 : 0,
    );
  });

  it('returns the exact matched text for highlighting', () => {
    const s = stockPhrases(post('In this post, I’ll walk through it. Practical takeaways below.'));
    expect(s.matches).toEqual(['In this post, I’ll', 'I’ll walk through', 'Practical takeaways']);
  });

  it('does not count "conclusion" inside a sentence as a heading', () => {
    expect(stockPhrases(post('We reached no conclusion that day. The conclusion was obvious.')).value).toBe(0);
  });
});

describe('labelLeadIns', () => {
  const list = [
    'Why it helps: Smaller models run faster.',
    'What is at stake: Quality may drop.',
    'Calibration: how well confidence matches outcomes.',
    'Redundancy: how many units overlap.',
  ].join('\n');

  it('counts "Label: explanation" runs at line starts', () => {
    const s = labelLeadIns(post(list));
    expect(s.matches).toEqual(['Why it helps:', 'What is at stake:', 'Calibration:', 'Redundancy:']);
    expect(s.fired).toBe(true);
    expect(s.weight).toBe(SIGNAL_WEIGHTS['label-lead-ins'].weight);
  });

  it('finds lead-ins glued together when list markup was stripped, and after bullets', () => {
    const glued = 'Why bother?Speed: It runs faster.Memory: It uses less.\n- Cost: lower bills.\n- **Risk:** small.';
    expect(labelLeadIns(post(glued)).matches).toEqual(['Speed:', 'Memory:', 'Cost:', '**Risk:**']);
  });

  it.each([
    [
      'a long clause before the colon',
      'I have a problem with talking too much, so I will keep it quick: I am leaving.',
    ],
    ['times and ratios', 'She finished in 4:12 and he in 4:31. The odds were 3:1.'],
    ['plain labels', 'Note: the sheet was wrong.\nUpdate: fixed.\nStep 2: restart.\nEdit: typo.\nQ: why?\nA: because.'],
  ])('ignores %s', (_, text) => {
    const s = labelLeadIns(post(text));
    expect(s.matches).toEqual([]);
    expect(s.fired).toBe(false);
  });

  it('needs at least four of them', () => {
    expect(labelLeadIns(post('Speed: fast.\nMemory: small.\nCost: low.')).fired).toBe(false);
  });
});

describe('firstPerson', () => {
  it.each([
    { text: 'I think my dad gave me the plot. I’m glad.', fired: true, weight: -2 },
    {
      text: 'The model runs on the device and the server handles the rest of the work here.',
      fired: true,
      weight: 0.5,
    },
    // 1 in 100 words: between the two thresholds
    { text: `I ${'word '.repeat(99)}`, fired: false, weight: 0 },
  ])('$text', ({ text, fired, weight }) => {
    const s = firstPerson(post(text));
    expect(s.fired).toBe(fired);
    expect(s.weight).toBe(weight);
  });

  it('reports the rate per 100 words', () => {
    expect(firstPerson(post('I went home and my cat was asleep')).value).toBe(25); // 2 of 8 words
  });
});

describe('casualHedges', () => {
  it('counts spoken hedges and swearing, case-insensitively', () => {
    const s = casualHedges(post('Honestly, I think it was kind of fine. Maybe. Whatever.'));
    expect(s.matches).toEqual(['Honestly', 'I think', 'kind of', 'Maybe', 'Whatever']);
    expect(s.fired).toBe(true);
    expect(s.weight).toBeLessThan(0);
  });

  it('does not fire on formal prose', () => {
    expect(casualHedges(post('The results suggest that calibration is preserved across models.')).fired).toBe(false);
  });
});

describe('aiVocabulary', () => {
  it('fires on a high rate of the stock vocabulary and lists distinct words', () => {
    const s = aiVocabulary(post('A robust, seamless and powerful pipeline. Robust results, crucial insights.'));
    expect(s.fired).toBe(true);
    expect(s.matches).toEqual(['robust', 'seamless', 'powerful', 'Robust', 'crucial', 'insights']);
  });

  it('does not fire on one such word in a long text', () => {
    expect(aiVocabulary(post(`It was a powerful storm. ${'and then it rained '.repeat(60)}`)).fired).toBe(false);
  });
});

describe('structure', () => {
  it('counts headings and list items per 1000 words', () => {
    const text = [
      '## Setup',
      'Some words here in a paragraph that ends properly.',
      'Key findings: what changes',
      '- first point',
      '- second point',
      '1) Confidence and calibration',
    ].join('\n\n');
    const s = structure(post(text));
    expect(s.matches).toEqual([
      '## Setup',
      'Key findings: what changes',
      '- first point',
      '- second point',
      '1) Confidence and calibration',
    ]);
    expect(s.fired).toBe(true);
  });

  it('does not take sentences, one-word lines or short questions for headings', () => {
    const text = 'Thanks\n\nWhat was I thinking?\n\nIt rained all day.\n\n“Go home,” he said.';
    expect(structure(post(text)).matches).toEqual([]);
  });
});

describe('burstiness', () => {
  const uniform = Array.from({ length: 14 }, (_, i) => `This sentence has exactly seven words ${i}.`).join(' ');
  const varied = Array.from({ length: 14 }, (_, i) =>
    i % 2 ? 'No.' : 'This one runs on and on, with clause after clause, for quite a long while indeed.',
  ).join(' ');

  it('fires towards AI on uniform sentence lengths', () => {
    const s = burstiness(post(uniform));
    expect(s.value).toBe(0);
    expect(s.weight).toBe(SIGNAL_WEIGHTS['burstiness.low'].weight);
  });

  it('fires towards human on varied sentence lengths', () => {
    const s = burstiness(post(varied));
    expect(s.value).toBeGreaterThan(0.7);
    expect(s.weight).toBe(SIGNAL_WEIGHTS['burstiness.high'].weight);
  });

  it('stays silent with too few sentences', () => {
    const s = burstiness(post('One. Two words. Three words here.'));
    expect(s.fired).toBe(false);
    expect(s.detail).toMatch(/Only 3 sentences/);
  });
});

describe('emDash', () => {
  it('counts unspaced em dashes only', () => {
    const s = emDash(post('Quantization—a trick—helps. It works — mostly — fine.'));
    expect(s.matches).toEqual(['n—a', 'k—h']);
    expect(s.fired).toBe(true);
  });

  it('does not fire without em dashes', () => {
    expect(emDash(post('Plain text - with hyphens - only.')).fired).toBe(false);
  });
});

describe('context signals', () => {
  it.each([
    { publishedAt: '2025-09-25T11:00:00.000Z', fired: true },
    { publishedAt: '2025-09-25T14:32:00.000Z', fired: false },
    { publishedAt: '2025-09-25T11:00:07.000Z', fired: false },
    { publishedAt: '2025-09-25 08:00', fired: true },
    { publishedAt: null, fired: false },
  ])('scheduledTime($publishedAt) = $fired', ({ publishedAt, fired }) => {
    const s = scheduledTime(post('x', { publishedAt }));
    expect(s.fired).toBe(fired);
    expect(s.group).toBe('context');
  });

  it.each([
    { title: 'Quantizing Models: Do Tiny Numbers Matter?', fired: true },
    { title: 'Is Remote Work Here to Stay?', fired: true },
    { title: 'So, about this blog…', fired: false },
    { title: 'Six years on the allotment', fired: false },
    { title: 'Note:', fired: false },
  ])('titlePattern($title) = $fired', ({ title, fired }) => {
    expect(titlePattern(post('x', { title })).fired).toBe(fired);
  });
});

describe('computeSignals', () => {
  it('returns every signal once, with weight 0 when not fired', () => {
    const signals = computeSignals(post('A short plain note.'));
    expect(new Set(signals.map((s) => s.id)).size).toBe(signals.length);
    expect(signals.length).toBe(10);
    for (const s of signals) if (!s.fired) expect(s.weight).toBe(0);
  });
});
