'use client';

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { COHORT_COLORS } from './colors';
import { byNames } from './legend';
import { CALENDAR_HEIGHT } from './sizes';

/** One day or month: views per cohort key, the total, and the previous period's total at the same position. */
export type CalendarChartRow = { bucket: string; total: number; previous?: number } & Record<string, number | string>;

/**
 * Human page views over calendar time stacked by cohort, with the author's annotations as labelled vertical lines
 * and, when comparing, the previous period's total as a dashed line.
 */
export function CalendarViewsChart({
  data,
  cohorts,
  annotations,
  showPrevious,
}: {
  data: CalendarChartRow[];
  cohorts: { key: string; name: string }[];
  annotations: { bucket: string; text: string }[];
  showPrevious: boolean;
}) {
  return (
    <div className="chart" style={{ height: CALENDAR_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 22, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e1da" />
          <XAxis dataKey="bucket" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 12 }} width={52} allowDecimals={false} />
          <Tooltip formatter={(v) => Number(v).toLocaleString('en-US')} />
          <Legend itemSorter={byNames([...cohorts.map((c) => c.name), 'Previous period, all posts'])} />
          {cohorts.map((c) => (
            <Area
              key={c.key}
              type="linear"
              dataKey={c.key}
              name={c.name}
              stackId="views"
              stroke={COHORT_COLORS[c.key]}
              fill={COHORT_COLORS[c.key]}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          ))}
          {showPrevious && (
            <Line
              dataKey="previous"
              name="Previous period, all posts"
              stroke="#1d2126"
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
            />
          )}
          {annotations.map((a, i) => (
            <ReferenceLine
              key={`${a.bucket}-${i}`}
              x={a.bucket}
              stroke="#1d2126"
              strokeDasharray="2 2"
              label={{ value: a.text, position: 'insideTopLeft', fontSize: 11, fill: '#1d2126' }}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
