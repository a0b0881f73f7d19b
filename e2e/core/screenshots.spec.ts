import { screenshotPages } from '../screenshots';

// Every core page at desktop and phone width (${E2E_OUT}/screenshots/core-*.png), with no browser errors.
screenshotPages('core', [
  { name: 'overview', url: '/', heading: 'Overview' },
  { name: 'posts', url: '/posts', heading: 'Posts' },
  { name: 'posts-paged', url: '/posts?sort=lifetime&dir=desc&per=2&page=2', heading: 'Posts' },
  { name: 'post', url: '/posts/1', heading: 'Why I stopped digging' },
  { name: 'imports', url: '/imports', heading: 'Imports' },
]);
