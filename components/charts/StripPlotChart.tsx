'use client';

import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  type XAxisTickContentProps,
  YAxis,
} from 'recharts';
import { COHORT_COLORS } from './colors';

/** One cohort's column: jittered points (x = column index + jitter) and its quartiles. */
export interface StripCohort {
  key: string;
  name: string;
  points: { x: number; y: number; title: string }[];
  q1: number | null;
  median: number | null;
  q3: number | null;
}

/**
 * Strip plot of one metric per cohort (each dot a post) with the median (solid) and quartiles (dashed) drawn
 * across each column. Square-root value axis: page views are heavy-tailed and may be zero.
 */
export function StripPlotChart({ cohorts, unit }: { cohorts: StripCohort[]; unit: string }) {
  const ticks = cohorts.map((_, i) => i);
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e1da" vertical={false} />
          <XAxis
            type="number"
            dataKey="x"
            domain={[-0.5, cohorts.length - 0.5]}
            ticks={ticks}
            tick={(props: XAxisTickContentProps) => (
              <g transform={`translate(${props.x},${props.y})`}>
                <text textAnchor="middle" fontSize={11} fill="#5b6470">
                  {(cohorts[Number(props.payload.value)]?.name ?? '').split(/(?<=-)|\s+/).map((w, k) => (
                    <tspan key={k} x={0} dy={k === 0 ? 12 : 13}>
                      {w}
                    </tspan>
                  ))}
                </text>
              </g>
            )}
            height={44}
            interval={0}
          />
          <YAxis type="number" dataKey="y" scale="sqrt" domain={[0, 'auto']} tick={{ fontSize: 12 }} width={52} />
          <Tooltip
            cursor={false}
            formatter={(value, name) =>
              name === 'y' ? [`${Number(value).toLocaleString('en-US')} ${unit}`, ''] : null
            }
            labelFormatter={() => ''}
          />
          {cohorts.map((c) => (
            <Scatter
              key={c.key}
              name={c.name}
              data={c.points}
              fill={COHORT_COLORS[c.key]}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          ))}
          {cohorts.flatMap((c, i) =>
            (
              [
                ['median', c.median, undefined],
                ['q1', c.q1, '4 3'],
                ['q3', c.q3, '4 3'],
              ] as const
            )
              .filter(([, v]) => v !== null)
              .map(([k, v, dash]) => (
                <ReferenceLine
                  key={`${c.key}-${k}`}
                  segment={[
                    { x: i - 0.38, y: v as number },
                    { x: i + 0.38, y: v as number },
                  ]}
                  stroke="#1d2126"
                  strokeWidth={k === 'median' ? 2.5 : 1.2}
                  strokeDasharray={dash}
                  ifOverflow="extendDomain"
                />
              )),
          )}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
