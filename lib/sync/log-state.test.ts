import { describe, expect, it } from 'vitest';
import { type LogFileNow, planLogRead, type SavedLogState } from './log-state';

const now = (o: Partial<LogFileNow>): LogFileNow => ({
  path: '/l/access.log',
  size: 1000,
  gzip: false,
  headHash: 'h1',
  ...o,
});
const saved = (o: Partial<SavedLogState>): SavedLogState => ({ path: '/l/access.log', size: 800, offset: 800, ...o });

describe('planLogRead', () => {
  it.each([
    ['an empty file or a first line still being written', now({ headHash: null }), undefined, { action: 'skip' }],
    ['a file never seen: from 0, replacing', now({}), undefined, { action: 'read', from: 0, restart: true }],
    [
      'grown since last time: only the new bytes',
      now({ size: 1000 }),
      saved({ offset: 800 }),
      { action: 'read', from: 800, restart: false },
    ],
    ['unchanged', now({ size: 800 }), saved({ offset: 800 }), { action: 'skip', reason: 'no new bytes' }],
    [
      'truncated (size < offset), same first line: from 0, replacing',
      now({ size: 100 }),
      saved({ offset: 800 }),
      { action: 'read', from: 0, restart: true },
    ],
    [
      'rotated: access.log.1 keeps its identity and continues from its offset',
      now({ path: '/l/access.log.1', size: 900 }),
      saved({ offset: 800 }),
      { action: 'read', from: 800, restart: false },
    ],
    [
      'rotated and compressed: access.log.2.gz continues (inflated offset)',
      now({ path: '/l/access.log.2.gz', size: 120, gzip: true }),
      saved({ path: '/l/access.log.1', size: 900, offset: 900 }),
      { action: 'read', from: 900, restart: false },
    ],
    [
      'a gzip file already read to its end',
      now({ path: '/l/access.log.2.gz', size: 120, gzip: true }),
      saved({ path: '/l/access.log.2.gz', size: 120, offset: 900 }),
      { action: 'skip' },
    ],
  ])('%s', (_name, n, s, expected) => {
    expect(planLogRead(n, s)).toMatchObject(expected);
  });

  it('says where a rotated file came from', () => {
    const p = planLogRead(now({ path: '/l/access.log.1' }), saved({ offset: 10 }));
    expect(p.action === 'read' && p.reason).toMatch(/rotated from \/l\/access\.log/);
  });
});
