'use client';

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COHORT_COLORS } from './colors';

/** One month of human page views, one key per cohort (`human`, `ai-assisted`, ...). */
export type MonthRow = { month: string } & Record<string, number | string>;

/** Monthly human page views stacked by authorship cohort. Fed plain arrays by the overview page. */
export function ViewsOverTimeChart({ data, cohorts }: { data: MonthRow[]; cohorts: { key: string; name: string }[] }) {
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e1da" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 12 }} width={48} allowDecimals={false} />
          <Tooltip />
          <Legend />
          {cohorts.map((c) => (
            <Area
              key={c.key}
              type="monotone"
              dataKey={c.key}
              name={c.name}
              stackId="views"
              stroke={COHORT_COLORS[c.key]}
              fill={COHORT_COLORS[c.key]}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
