import type { ReactNode } from 'react';

/** A chart section: heading, a caption stating n, the chart, and "The numbers" as text below it. */
export function ChartPanel({
  id,
  title,
  caption,
  children,
  numbers,
  testId,
}: {
  id: string;
  title: string;
  caption: ReactNode;
  children: ReactNode;
  numbers: ReactNode;
  testId?: string;
}) {
  return (
    <section className="panel" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} style={{ marginTop: 0 }}>
        {title}
      </h2>
      <p className="chart-caption">{caption}</p>
      {children}
      <details>
        <summary>The numbers</summary>
        <div className="table-wrap">{numbers}</div>
      </details>
    </section>
  );
}
