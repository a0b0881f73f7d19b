/**
 * The overview's six charts in one module, so components/charts/lazy.tsx loads them with a single import(): one
 * chunk group, each recharts module once. (An import() per chart made the bundler copy the recharts pieces the
 * charts share, such as the grid, legend and scatter, into each chart's chunk: 320 KB instead of 278 KB gzipped
 * for a reader who scrolls through all six.)
 */
export { CalendarViewsChart } from './CalendarViewsChart';
export { CumulativeCurveChart } from './CumulativeCurveChart';
export { PublishedPerMonthChart } from './PublishedPerMonthChart';
export { StripPlotChart } from './StripPlotChart';
export { TopPostsChart } from './TopPostsChart';
export { WordCountScatterChart } from './WordCountScatterChart';
