/**
 * Which addresses count as "this machine only". Tend without a password answers only on loopback, both for the
 * address it listens on and for the Host header of each request (a DNS-rebinding page could otherwise reach it).
 */

/** Environment variables as read here (a plain record, so tests can pass their own). */
export type Env = Record<string, string | undefined>;

/**
 * True for loopback names and addresses: `localhost` (and `*.localhost`), 127.0.0.0/8, `::1`, with or without a
 * port or brackets (`[::1]:3000`, `127.0.0.1:3000`). `0.0.0.0` and `::` mean "every address", so they are not.
 */
export function isLoopbackHost(hostOrHostPort: string | null | undefined): boolean {
  if (!hostOrHostPort) return false;
  const host = hostOnly(hostOrHostPort).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The host part of `host[:port]` or `[v6]:port` (brackets removed); a bare IPv6 address is returned as it is. */
export function hostOnly(hostPort: string): string {
  const s = hostPort.trim();
  if (s.startsWith('[')) return s.slice(1, s.indexOf(']') === -1 ? undefined : s.indexOf(']'));
  const colons = s.split(':').length - 1;
  if (colons === 1) return s.slice(0, s.indexOf(':'));
  return s;
}

/**
 * The address this process's server listens on, as far as it can tell: `TEND_HOST` when set (npm start sets it);
 * for `next start`/`next dev` run by hand, the `-H`/`--hostname` argument, or `'0.0.0.0'` (every address: Next's
 * default) when there is none; `null` when this process is not a Next server (scripts, unit tests).
 */
export function listenHost(env: Env = process.env, argv: string[] = process.argv): string | null {
  if (env.TEND_HOST) return env.TEND_HOST;
  const isNextCli =
    /[\\/]next[\\/]dist[\\/]bin[\\/]next$/.test(argv[1] ?? '') || /[\\/]\.bin[\\/]next$/.test(argv[1] ?? '');
  if (!isNextCli || !argv.slice(2).some((a) => a === 'start' || a === 'dev')) return null;
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '-H' || a === '--hostname') && argv[i + 1]) return argv[i + 1];
    if (a.startsWith('--hostname=')) return a.slice('--hostname='.length);
  }
  return '0.0.0.0';
}
