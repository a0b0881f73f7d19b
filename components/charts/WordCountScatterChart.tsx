'use client';

import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { COHORT_COLORS } from './colors';
import { byNames } from './legend';

/** One post: word count, the metric's value, and its title for the tooltip. */
export interface WordPoint {
  words: number;
  value: number;
  title: string;
}

/** A metric against word count, one colour per cohort. Square-root value axis (views are heavy-tailed). */
export function WordCountScatterChart({
  series,
  unit,
}: {
  series: { key: string; name: string; points: WordPoint[] }[];
  unit: string;
}) {
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e1da" />
          <XAxis
            type="number"
            dataKey="words"
            name="Words"
            tick={{ fontSize: 12 }}
            height={40}
            label={{ value: 'words', position: 'insideBottom', offset: 2, fontSize: 11 }}
          />
          <YAxis
            type="number"
            dataKey="value"
            name={unit}
            scale="sqrt"
            domain={[0, 'auto']}
            tick={{ fontSize: 12 }}
            width={52}
          />
          <Tooltip formatter={(v, name) => [Number(v).toLocaleString('en-US'), name]} labelFormatter={() => ''} />
          <Legend itemSorter={byNames(series.map((x) => x.name))} />
          {series.map((s) => (
            <Scatter
              key={s.key}
              name={s.name}
              data={s.points}
              fill={COHORT_COLORS[s.key]}
              fillOpacity={0.6}
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
