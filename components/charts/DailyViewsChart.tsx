'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface DayRow {
  day: string;
  pageViews: number;
  botHits: number;
}

/** Daily human page views (and bot hits beside them) of one post; missing days already filled with zeros. */
export function DailyViewsChart({ data, publishedDay }: { data: DayRow[]; publishedDay: string | null }) {
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e1da" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={32} />
          <YAxis tick={{ fontSize: 12 }} width={40} allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="pageViews" name="Page views (human)" fill="#2f6f4f" isAnimationActive={false} />
          <Bar dataKey="botHits" name="Bot hits" fill="#c9c6bd" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      {publishedDay && <p className="sr-only">Published {publishedDay}</p>}
    </div>
  );
}
