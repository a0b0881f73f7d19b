'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COHORT_COLORS } from './colors';
import { topPostsHeight } from './sizes';

export interface TopPost {
  title: string;
  cohort: string;
  cohortName: string;
  views: number;
  /** Page views in the previous period, when comparing. */
  previous?: number;
}

function shorten(s: string, n = 28): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s || '(no title)';
}

/** Horizontal bars of the most-viewed posts, each coloured by its authorship cohort. */
export function TopPostsChart({ data }: { data: TopPost[] }) {
  const rows = data.map((d) => ({ ...d, short: shorten(d.title) }));
  const withPrevious = rows.some((r) => r.previous !== undefined);
  return (
    <div className="chart" style={{ height: topPostsHeight(rows.length, withPrevious) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e1da" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} allowDecimals={false} />
          <YAxis type="category" dataKey="short" width={170} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip
            formatter={(value, name, item) => [
              `${Number(value).toLocaleString('en-US')} page views`,
              name === 'Previous period' ? name : (item?.payload as TopPost)?.cohortName,
            ]}
            labelFormatter={(_label, payload) => (payload?.[0]?.payload as TopPost | undefined)?.title ?? ''}
          />
          <Bar dataKey="views" name="Page views" isAnimationActive={false}>
            {rows.map((r, i) => (
              <Cell key={`${r.title}-${i}`} fill={COHORT_COLORS[r.cohort]} />
            ))}
          </Bar>
          {withPrevious && <Bar dataKey="previous" name="Previous period" fill="#c9c6bd" isAnimationActive={false} />}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
