'use client';

import { Component, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';

/**
 * Renders `children` (a React.lazy chart) only once its box has come into the viewport; until then, and while its
 * code downloads, a placeholder of the chart's height holds its place, so nothing moves when it appears. Without
 * JavaScript, or when the chart's code fails to download, the box says where the same numbers are: every chart
 * panel lists them as text under "The numbers".
 * @param height the chart's height in CSS pixels (components/charts/sizes.ts).
 */
export function WhenVisible({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (shown || !el) return;
    // Very old browsers: draw at once rather than never.
    if (typeof IntersectionObserver === 'undefined') {
      setShown(true);
      return;
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setShown(true);
        io.disconnect();
      }
    });
    io.observe(el);
    return () => io.disconnect();
  }, [shown]);

  return (
    <div ref={box} style={{ minHeight: height }} data-chart-state={shown ? 'shown' : 'waiting'}>
      {shown ? (
        <LoadFailed>
          <Suspense fallback={<ChartLoading height={height} />}>{children}</Suspense>
        </LoadFailed>
      ) : (
        <noscript>
          <p className="muted small" style={{ margin: 0 }}>
            The chart needs JavaScript; its numbers are listed under “The numbers” below.
          </p>
        </noscript>
      )}
    </div>
  );
}

/** What a chart's box shows while its code downloads (a blink on a local network). */
function ChartLoading({ height }: { height: number }) {
  return (
    <div className="chart muted small" style={{ height, display: 'grid', placeItems: 'center' }} aria-busy="true">
      Loading chart…
    </div>
  );
}

/** Catches a chart whose chunk failed to download, so one lost chart does not take the whole page to the error page. */
class LoadFailed extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="muted small" role="status">
        The chart could not be loaded (reload the page to try again); its numbers are listed under “The numbers” below.
      </p>
    );
  }
}
