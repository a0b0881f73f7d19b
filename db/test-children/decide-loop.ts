/**
 * Test child process: the author tagging posts while something else writes. Sets random keep/cull/undecided decisions
 * (seeded) on the posts of the database at TEND_DB, one transaction each, and prints a JSON summary.
 *
 * Usage: tsx db/test-children/decide-loop.ts COUNT SEED [STOP_FILE]
 *   Stops after COUNT decisions, or earlier once STOP_FILE exists (checked between decisions, which are ~2 ms apart).
 * Exit codes: 0 every call succeeded, 1 some failed (the summary lists the first errors).
 */
import fs from 'node:fs';
import { mulberry32 } from '../../lib/random';
import { openDb } from '../client';
import { setDecision } from '../mutations/decisions';

const count = Number(process.argv[2] ?? 200);
const rand = mulberry32(Number(process.argv[3] ?? 1));
const stopFile = process.argv[4];
const pause = new Int32Array(new SharedArrayBuffer(4));
const db = openDb();
const ids = (db.$client.prepare('select id from posts order by id').all() as { id: number }[]).map((r) => r.id);
const decisions = ['keep', 'cull', 'undecided'] as const;
const errors: string[] = [];
let ok = 0;
const started = Date.now();
for (let i = 0; i < count && !(stopFile && fs.existsSync(stopFile)); i++) {
  Atomics.wait(pause, 0, 0, 2); // a short pause, as between clicks
  const id = ids[Math.floor(rand() * ids.length)];
  try {
    setDecision(db, id, decisions[Math.floor(rand() * 3)], `note ${i}`);
    ok++;
  } catch (err) {
    errors.push((err as Error).message);
  }
}
db.$client.close();
console.log(JSON.stringify({ ok, failed: errors.length, errors: errors.slice(0, 5), ms: Date.now() - started }));
process.exit(errors.length ? 1 : 0);
