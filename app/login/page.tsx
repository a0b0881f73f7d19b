import type { Metadata } from 'next';
import { connection } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { safeNextPath } from '@/lib/auth/gate';
import styles from './login.module.css';

export const metadata: Metadata = { title: 'Sign in · Tend' };

type Search = Promise<Record<string, string | string[] | undefined>>;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Sign-in page. The form posts to /api/auth/login (a plain form: works without JavaScript), which redirects back
 * here with `?error=wrong` or `?error=too-many&retry=SECONDS` and keeps `?next=` (where to go after signing in).
 */
export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const params = await searchParams;
  const cfg = authConfig();
  const next = safeNextPath(one(params.next));
  const error = one(params.error);
  const retry = Number(one(params.retry) ?? 0);

  if (!cfg.required) {
    return (
      <div className={styles.box}>
        <h1>Sign in</h1>
        <p>
          This Tend has no password. It only answers on this machine (127.0.0.1), so there is nothing to sign in to.
        </p>
        <p>
          <a href="/">Go to the overview</a>
        </p>
      </div>
    );
  }

  return (
    <div className={styles.box}>
      <h1>Sign in</h1>
      <p className="lede">This Tend is protected by a password. Sign in to see your posts and change decisions.</p>
      {error === 'wrong' && (
        <p className={styles.error} role="alert">
          Wrong password. Try again.
        </p>
      )}
      {error === 'too-many' && (
        <p className={styles.error} role="alert">
          Too many wrong passwords. Wait {Number.isFinite(retry) && retry > 0 ? `${retry} seconds` : 'a minute'}, then
          try again.
        </p>
      )}
      {one(params['signed-out']) && (
        <p className={styles.notice} role="status">
          You are signed out.
        </p>
      )}
      <form method="post" action="/api/auth/login" className={styles.form}>
        <input type="hidden" name="next" value={next} />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
        />
        <button type="submit">Sign in</button>
      </form>
      <p className={styles.hint}>
        Forgot it? Whoever runs Tend sets the password: <code>TEND_PASSWORD</code>, or{' '}
        <code>npm run hash-password -- --save</code> on the server.
      </p>
    </div>
  );
}
