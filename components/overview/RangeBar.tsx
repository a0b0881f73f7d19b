import { type DayRange, type OverviewParams, overviewHref, previousRange, rangePresets } from '@/lib/overview-params';

/**
 * The date range picker, the previous-period switch and the AI split toggle. A plain GET form and links, so the
 * state lives in the URL: shareable, and the back button steps through it (no JavaScript needed).
 */
export function RangeBar({
  params,
  dataFirst,
  dataLast,
  errors,
}: {
  params: OverviewParams;
  dataFirst: string | null;
  dataLast: string | null;
  errors: string[];
}) {
  const r = params.range;
  const presets = rangePresets(dataFirst, dataLast);
  const same = (a: DayRange) => r !== null && a.from === r.from && a.to === r.to;
  const prev = r ? previousRange(r) : null;
  return (
    <section className="panel" aria-label="Period and cohorts" data-testid="range-bar">
      <form method="get" action="/" className="inline" aria-label="Date range">
        <label>
          From
          <input type="date" name="from" defaultValue={r?.from ?? dataFirst ?? ''} min={dataFirst ?? undefined} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={r?.to ?? dataLast ?? ''} max={dataLast ?? undefined} />
        </label>
        <label style={{ flexDirection: 'row', alignItems: 'center', gap: '0.35rem', paddingBottom: '0.4rem' }}>
          <input type="checkbox" name="compare" value="1" defaultChecked={params.compare} /> Compare with the previous
          period
        </label>
        {params.split && <input type="hidden" name="split" value="1" />}
        {params.metric !== 'first30' && <input type="hidden" name="metric" value={params.metric} />}
        <button type="submit">Apply</button>
      </form>
      <p className="small" style={{ margin: '0.6rem 0 0' }}>
        <a href={overviewHref(params, { range: null, compare: false })} aria-current={r === null ? 'true' : undefined}>
          {r === null ? <strong>All data</strong> : 'All data'}
        </a>
        {presets.map((p) => (
          <span key={p.label}>
            {' · '}
            <a href={overviewHref(params, { range: p.range })} aria-current={same(p.range) ? 'true' : undefined}>
              {same(p.range) ? <strong>{p.label}</strong> : p.label}
            </a>
          </span>
        ))}
        {' · '}
        <a href={overviewHref(params, { split: !params.split })} data-testid="split-toggle">
          {params.split ? 'Combine AI-assisted and AI-generated' : 'Split AI into assisted and generated'}
        </a>
      </p>
      <p className="small muted" style={{ margin: '0.4rem 0 0' }} data-testid="range-summary">
        {r
          ? `Showing posts published ${r.from} to ${r.to}, and page views on those days.`
          : `Showing all posts and all page views${dataFirst ? ` (${dataFirst} to ${dataLast})` : ''}.`}
        {params.compare && prev ? ` Previous period: ${prev.from} to ${prev.to}.` : ''}
        {params.compare && !r ? ' Pick a range to compare with the previous period.' : ''}
      </p>
      {errors.length > 0 && (
        <p className="warn small" role="alert" style={{ marginTop: '0.5rem' }}>
          {errors.join('; ')}
        </p>
      )}
    </section>
  );
}
