import { authConfig } from '@/lib/auth/config';
import { hasSession } from '@/lib/auth/session';

/**
 * "Sign out" in the site header, shown only when Tend has a password and the visitor is signed in. A plain form POST
 * to /api/auth/logout (same-origin only), so it works without JavaScript.
 */
export async function SignOutButton() {
  if (!authConfig().required || !(await hasSession())) return null;
  return (
    <form method="post" action="/api/auth/logout" style={{ marginLeft: 'auto' }}>
      <button
        type="submit"
        style={{
          font: 'inherit',
          color: 'var(--muted)',
          background: 'none',
          border: '1px solid var(--line)',
          borderRadius: 6,
          padding: '0.2rem 0.6rem',
          cursor: 'pointer',
        }}
      >
        Sign out
      </button>
    </form>
  );
}
