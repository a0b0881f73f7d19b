/**
 * Read a V8 CPU profile (the `.cpuprofile` JSON that `node --cpu-prof` writes; format: Chrome DevTools protocol
 * `Profiler.Profile`) into the functions that took the most time, to point at the hot spot of a slow benchmark.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The parts of a `Profiler.Profile` used here. `timeDeltas` are microseconds between samples. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Time spent in one function: `self` in its own code, `total` including what it called (milliseconds). */
export interface HotFunction {
  name: string;
  /** `file:line` (last two path segments, 1-based line), or `(native)` when V8 gives no script. */
  where: string;
  selfMs: number;
  totalMs: number;
}

function keyOf(f: CallFrame): { name: string; where: string } {
  const file = f.url ? f.url.split('/').slice(-2).join('/') : '';
  return { name: f.functionName || '(anonymous)', where: file ? `${file}:${f.lineNumber + 1}` : '(native)' };
}

/**
 * The `limit` functions with the most self time, each with its total (inclusive) time as well. Recursion is
 * counted once per sample. Idle time and the program root are left out.
 * @throws Error when the value is not a CPU profile.
 */
export function hotFunctions(profile: CpuProfile, limit = 15): HotFunction[] {
  if (!Array.isArray(profile?.nodes) || !Array.isArray(profile.samples)) throw new Error('not a V8 CPU profile');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sampleTime = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    sampleTime.set(id, (sampleTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const stats = new Map<string, HotFunction>();
  const get = (f: CallFrame) => {
    const k = keyOf(f);
    const id = `${k.name} ${k.where}`;
    let s = stats.get(id);
    if (!s) {
      s = { ...k, selfMs: 0, totalMs: 0 };
      stats.set(id, s);
    }
    return s;
  };
  for (const [id, us] of sampleTime) {
    const node = byId.get(id);
    if (!node) continue;
    get(node.callFrame).selfMs += us / 1000;
    const seen = new Set<HotFunction>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const s = get(n.callFrame);
      if (!seen.has(s)) {
        seen.add(s);
        s.totalMs += us / 1000;
      }
    }
  }
  return [...stats.values()]
    .filter((s) => !['(root)', '(idle)', '(program)'].includes(s.name))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit);
}
