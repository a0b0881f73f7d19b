'use client';

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COHORT_COLORS } from './colors';
import { byNames } from './legend';

/** One age (days since publishing) with per cohort `<key>:median`, `<key>:band` ([q1, q3]) and `<key>:n`. */
export type CurveRow = { age: number } & Record<string, number | [number, number] | null>;

const TICKS = [7, 30, 90, 180, 365, 730];

/**
 * Publish-aligned cumulative page views: per cohort the median line and the interquartile band, on a square-root
 * day axis so the first weeks are readable next to two years.
 */
export function CumulativeCurveChart({
  data,
  cohorts,
}: {
  data: CurveRow[];
  cohorts: { key: string; name: string }[];
}) {
  const maxAge = data.length > 0 ? data[data.length - 1].age : 30;
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e1da" />
          <XAxis
            dataKey="age"
            type="number"
            scale="sqrt"
            domain={[0, maxAge]}
            ticks={TICKS.filter((t) => t <= maxAge)}
            tick={{ fontSize: 12 }}
            height={40}
            label={{ value: 'days since publishing', position: 'insideBottom', offset: 2, fontSize: 11 }}
          />
          <YAxis tick={{ fontSize: 12 }} width={52} allowDecimals={false} />
          <Tooltip
            labelFormatter={(age) => `First ${age} days`}
            formatter={(value, name) =>
              Array.isArray(value)
                ? [`${value[0].toLocaleString('en-US')} to ${value[1].toLocaleString('en-US')}`, name]
                : [Number(value).toLocaleString('en-US'), name]
            }
          />
          <Legend itemSorter={byNames(cohorts.map((c) => c.name))} />
          {cohorts.map((c) => (
            <Area
              key={`${c.key}-band`}
              dataKey={(r: CurveRow) => r[`${c.key}:band`]}
              name={`${c.name}, middle half`}
              stroke="none"
              fill={COHORT_COLORS[c.key]}
              fillOpacity={0.15}
              legendType="none"
              isAnimationActive={false}
              connectNulls
            />
          ))}
          {cohorts.map((c) => (
            <Line
              key={`${c.key}-median`}
              dataKey={(r: CurveRow) => r[`${c.key}:median`]}
              name={c.name}
              stroke={COHORT_COLORS[c.key]}
              strokeWidth={2}
              dot={{ r: 2 }}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
