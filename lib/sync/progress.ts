/**
 * Progress of a long import for the command line: on a terminal a cli-progress bar (percent of the file, lines read,
 * lines per second, time left); when output is not a terminal (cron, a pipe, a log file) a plain line every
 * `intervalMs` instead, since a redrawn bar would fill the log with control characters.
 */
import cliProgress from 'cli-progress';

/** Receives progress as the reader reports it. */
export interface Progress {
  /** `lines` read so far, `bytes` of the file read so far (compressed bytes for gzip). */
  update(lines: number, bytes: number): void;
  /** Finish: clear the bar (the caller prints its own summary). */
  stop(): void;
}

export interface ProgressOptions {
  /** Shown before the numbers (`access.log`). */
  label: string;
  /** File size in bytes (the 100% mark). */
  totalBytes: number;
  /** Draw a bar (default: whether stdout and stderr are terminals). */
  tty?: boolean;
  /** Where plain lines go (default: console.log). */
  write?: (line: string) => void;
  /** Milliseconds between plain lines (default 10 s). */
  intervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** `12,345` */
function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `1 h 02 min`, `3 min 05 s`, `12 s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * One plain progress line: `access.log: 45% (120,000 lines, 50,000 lines/s, about 12 s left)`.
 * @param elapsedMs time since the start.
 */
export function progressLine(
  label: string,
  lines: number,
  bytes: number,
  totalBytes: number,
  elapsedMs: number,
): string {
  const frac = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
  const secs = elapsedMs / 1000;
  const rate = secs > 0 ? lines / secs : 0;
  const left = frac > 0 ? (secs * (1 - frac)) / frac : Number.NaN;
  return `${label}: ${Math.floor(frac * 100)}% (${int(lines)} lines, ${int(rate)} lines/s, about ${formatDuration(left)} left)`;
}

/** Create the progress display for one file. */
export function createProgress(opts: ProgressOptions): Progress {
  const now = opts.now ?? Date.now;
  const started = now();
  const tty = opts.tty ?? Boolean(process.stdout.isTTY && process.stderr.isTTY);
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${opts.label} [{bar}] {percentage}% | {lines} lines | {rate} lines/s | {eta_formatted} left`,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let started2 = false;
    return {
      update(lines, bytes) {
        if (!started2) {
          bar.start(Math.max(1, opts.totalBytes), 0, { lines: '0', rate: '0' });
          started2 = true;
        }
        const secs = (now() - started) / 1000;
        bar.update(Math.min(bytes, opts.totalBytes), { lines: int(lines), rate: int(secs > 0 ? lines / secs : 0) });
      },
      stop() {
        if (started2) bar.stop();
      },
    };
  }
  const write = opts.write ?? ((l: string) => console.log(l));
  const every = opts.intervalMs ?? 10_000;
  let last = started;
  return {
    update(lines, bytes) {
      const t = now();
      if (t - last < every) return;
      last = t;
      write(progressLine(opts.label, lines, bytes, opts.totalBytes, t - started));
    },
    stop() {},
  };
}
