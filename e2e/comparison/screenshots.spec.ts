import { screenshotPages } from '../screenshots';

// The pages this area adds or changes, at desktop and phone width (${E2E_OUT}/screenshots/comparison-*.png).
screenshotPages('comparison', [
  { name: 'overview', url: '/', heading: 'Overview' },
  { name: 'overview-split', url: '/?split=1', heading: 'Overview' },
  { name: 'overview-range', url: '/?from=2024-02-01&to=2024-03-31&compare=1', heading: 'Overview' },
  { name: 'settings', url: '/settings', heading: 'Settings' },
  {
    name: 'post',
    url: '/posts?q=compost',
    heading: 'The ultimate guide to compost',
    open: 'The ultimate guide to compost',
  },
]);
