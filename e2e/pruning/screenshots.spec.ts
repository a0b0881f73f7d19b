import { screenshotPages } from '../screenshots';

// The pruning pages at desktop and phone width (${E2E_OUT}/screenshots/pruning-*.png), with no browser errors.
screenshotPages('pruning', [
  { name: 'review', url: '/review', heading: 'Review' },
  { name: 'history', url: '/history', heading: 'History' },
  { name: 'plan', url: '/plan', heading: 'Cull plan' },
]);
