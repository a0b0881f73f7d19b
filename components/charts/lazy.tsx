'use client';

/**
 * Charts loaded only when their box scrolls into view, not with the page: the overview's six (fetched together, with
 * recharts, when the first is shown) and a post's daily views. On a 1280×900 screen neither page has a chart in its
 * first screen. Same names and props as the charts themselves; server components import them from here. The server
 * still renders each chart's caption (its n) and its numbers as text, so nothing is lost before the chart loads or
 * without JavaScript.
 */
import { type ComponentProps, lazy } from 'react';
import { CALENDAR_HEIGHT, CHART_HEIGHT, topPostsHeight } from './sizes';
import { WhenVisible } from './WhenVisible';

// React.lazy, not rendered on the server: WhenVisible draws nothing of it until the box is in a browser's viewport
// (recharts measures its container there). All six come from one import(), fetched once when the first is shown.
const charts = () => import('./overview-charts');
const Curve = lazy(() => charts().then((m) => ({ default: m.CumulativeCurveChart })));
const Strip = lazy(() => charts().then((m) => ({ default: m.StripPlotChart })));
const Published = lazy(() => charts().then((m) => ({ default: m.PublishedPerMonthChart })));
const Scatter = lazy(() => charts().then((m) => ({ default: m.WordCountScatterChart })));
const Calendar = lazy(() => charts().then((m) => ({ default: m.CalendarViewsChart })));
const TopPosts = lazy(() => charts().then((m) => ({ default: m.TopPostsChart })));
// The post page's only chart: a chunk group of its own.
const Daily = lazy(() => import('./DailyViewsChart').then((m) => ({ default: m.DailyViewsChart })));

/** CumulativeCurveChart, loaded when shown. */
export function CumulativeCurveChart(props: ComponentProps<typeof Curve>) {
  return (
    <WhenVisible height={CHART_HEIGHT}>
      <Curve {...props} />
    </WhenVisible>
  );
}

/** StripPlotChart, loaded when shown. */
export function StripPlotChart(props: ComponentProps<typeof Strip>) {
  return (
    <WhenVisible height={CHART_HEIGHT}>
      <Strip {...props} />
    </WhenVisible>
  );
}

/** PublishedPerMonthChart, loaded when shown. */
export function PublishedPerMonthChart(props: ComponentProps<typeof Published>) {
  return (
    <WhenVisible height={CHART_HEIGHT}>
      <Published {...props} />
    </WhenVisible>
  );
}

/** WordCountScatterChart, loaded when shown. */
export function WordCountScatterChart(props: ComponentProps<typeof Scatter>) {
  return (
    <WhenVisible height={CHART_HEIGHT}>
      <Scatter {...props} />
    </WhenVisible>
  );
}

/** CalendarViewsChart, loaded when shown. */
export function CalendarViewsChart(props: ComponentProps<typeof Calendar>) {
  return (
    <WhenVisible height={CALENDAR_HEIGHT}>
      <Calendar {...props} />
    </WhenVisible>
  );
}

/** TopPostsChart, loaded when shown. */
export function TopPostsChart(props: ComponentProps<typeof TopPosts>) {
  const withPrevious = props.data.some((d) => d.previous !== undefined);
  return (
    <WhenVisible height={topPostsHeight(props.data.length, withPrevious)}>
      <TopPosts {...props} />
    </WhenVisible>
  );
}

/** DailyViewsChart (a post's page), loaded when shown. */
export function DailyViewsChart(props: ComponentProps<typeof Daily>) {
  return (
    <WhenVisible height={CHART_HEIGHT}>
      <Daily {...props} />
    </WhenVisible>
  );
}
