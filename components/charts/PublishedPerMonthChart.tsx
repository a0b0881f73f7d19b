'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COHORT_COLORS } from './colors';
import { byNames } from './legend';

/** Posts published in one month (`YYYY-MM`), one key per cohort. */
export type PublishedRow = { month: string } & Record<string, number | string>;

/** Posts published per month, stacked by authorship cohort. */
export function PublishedPerMonthChart({
  data,
  cohorts,
}: {
  data: PublishedRow[];
  cohorts: { key: string; name: string }[];
}) {
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e1da" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 12 }} width={36} allowDecimals={false} />
          <Tooltip />
          <Legend itemSorter={byNames(cohorts.map((c) => c.name))} />
          {cohorts.map((c) => (
            <Bar
              key={c.key}
              dataKey={c.key}
              name={c.name}
              stackId="posts"
              fill={COHORT_COLORS[c.key]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
