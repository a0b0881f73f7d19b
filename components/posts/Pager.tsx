import { fmtInt } from '@/components/Badges';
import styles from './pager.module.css';

/**
 * Previous / next links of the /posts list with "page 2 of 50" between them. Plain links (the list is
 * server-rendered), so the browser's back button and a bookmarked URL land on the same page. Nothing when the list
 * fits on one page.
 */
export function Pager({
  page,
  pages,
  prevHref,
  nextHref,
  label,
}: {
  page: number;
  pages: number;
  prevHref: string | null;
  nextHref: string | null;
  /** Accessible name of the navigation, unique on the page ("Pages, top"). */
  label: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav className={styles.pager} aria-label={label}>
      {prevHref ? (
        <a href={prevHref} rel="prev">
          ← Previous
        </a>
      ) : (
        <span className={styles.off}>← Previous</span>
      )}
      <span className="muted small">
        page {fmtInt(page)} of {fmtInt(pages)}
      </span>
      {nextHref ? (
        <a href={nextHref} rel="next">
          Next →
        </a>
      ) : (
        <span className={styles.off}>Next →</span>
      )}
    </nav>
  );
}
