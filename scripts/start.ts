/**
 * `npm start`: serve the built dashboard. Listens on 127.0.0.1 unless TEND_HOST says otherwise, and refuses to listen
 * on any other address without a password (TEND_PASSWORD, TEND_PASSWORD_HASH or npm run hash-password -- --save).
 * Migrates the database first (backing it up when migrations are pending), then runs `next start`.
 *
 * Usage: npm start            (TEND_HOST, default 127.0.0.1; PORT, default 3000; TEND_DB)
 * Exit codes: 1 refused to start (exposed without a password, bad configuration, migration failed); otherwise
 * the exit code of `next start`.
 */

import { databasePath, openDb } from '../db/client';
import { migrate } from '../db/migrate';
import { authConfig, sessionSecret } from '../lib/auth/config';
import { isLoopbackHost } from '../lib/auth/hosts';
import { serveChild } from '../lib/server/serve-child';

const host = process.env.TEND_HOST || '127.0.0.1';
const port = process.env.PORT || '3000';
const env = { ...process.env, TEND_HOST: host };

const cfg = authConfig(env);
if (cfg.problem) {
  console.error(`tend: not starting. ${cfg.problem}.`);
  process.exit(1);
}
// Create the session secret now, so the server never races to create it.
if (cfg.required) sessionSecret(env);

try {
  const db = openDb();
  migrate(db);
  db.$client.close();
} catch (err) {
  console.error(`tend: not starting: migrating ${databasePath()} failed: ${(err as Error).message}`);
  process.exit(1);
}

const where = isLoopbackHost(host) ? 'this machine only' : `every client that can reach ${host}`;
console.error(
  `tend: serving ${databasePath()} on http://${host.includes(':') ? `[${host}]` : host}:${port}/ (${where}; ` +
    `${cfg.passwordSource ? `password from ${cfg.passwordSource}` : 'no password'})`,
);
serveChild(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-H', host, '-p', port], {
  env,
  stdio: 'inherit',
}).then((code) => process.exit(code));
