import { describe, expect, it } from 'vitest';
import { type CpuProfile, hotFunctions } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

// root -> main -> parse -> (self) ; main -> write ; and idle
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5] },
    { id: 2, callFrame: frame('main', 'file:///app/scripts/import.ts', 9), children: [3, 4] },
    { id: 3, callFrame: frame('parse', 'file:///app/lib/log-line.ts', 41) },
    { id: 4, callFrame: frame('write', 'file:///app/db/traffic.ts', 4) },
    { id: 5, callFrame: frame('(idle)') },
  ],
  samples: [3, 3, 3, 4, 2, 5],
  timeDeltas: [1000, 1000, 1000, 2000, 500, 9000],
};

describe('hotFunctions', () => {
  it('ranks functions by self time and adds what they called to their total', () => {
    const hot = hotFunctions(profile);
    expect(hot.map((h) => h.name)).toEqual(['parse', 'write', 'main']);
    expect(hot[0]).toEqual({ name: 'parse', where: 'lib/log-line.ts:42', selfMs: 3, totalMs: 3 });
    expect(hot[2]).toEqual({ name: 'main', where: 'scripts/import.ts:10', selfMs: 0.5, totalMs: 5.5 });
  });

  it('keeps to the limit and rejects what is not a profile', () => {
    expect(hotFunctions(profile, 1)).toHaveLength(1);
    expect(() => hotFunctions({} as CpuProfile)).toThrow(/not a V8 CPU profile/);
  });
});
