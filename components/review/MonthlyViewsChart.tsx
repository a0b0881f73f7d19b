'use client';

import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Small bar chart of one post's human page views per month (months already zero-filled by the query). */
export function MonthlyViewsChart({ data }: { data: { month: string; pageViews: number }[] }) {
  return (
    <div className="chart" style={{ height: 150 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} width={36} allowDecimals={false} />
          <Tooltip formatter={(v) => [`${Number(v).toLocaleString('en-US')} page views`, 'Human']} />
          <Bar dataKey="pageViews" name="Page views" fill="#2f6f4f" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
