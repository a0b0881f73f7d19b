/**
 * Run the server process (`next start`) as a child and stop it when this process is asked to stop: SIGINT, SIGTERM
 * and SIGHUP are passed on, and the child is stopped if this process exits for any other reason, so `kill PID` of the
 * demo or of `npm start`'s script process never leaves a server holding the port. (Killing the `npm` process itself
 * reaches neither: npm does not pass the signal on through its shell. Stop with Ctrl+C, which signals the whole
 * process group, or kill the group: `kill -- -PGID`.)
 */
import { type SpawnOptions, spawn } from 'node:child_process';

/** Spawn `command args`; resolves with its exit code (1 when a signal ended it). */
export function serveChild(command: string, args: string[], opts: SpawnOptions): Promise<number> {
  const child = spawn(command, args, opts);
  const stop = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  process.on('exit', () => stop('SIGTERM'));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
