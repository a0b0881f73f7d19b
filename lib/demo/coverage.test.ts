import { describe, expect, it } from 'vitest';
import { generateDemoBlog } from './generate';

describe('demo traffic coverage', () => {
  it('starts before the first post, so every post has its first 30 days in the data', () => {
    const blog = generateDemoBlog({ seed: 7, endDay: '2026-11-15' });
    const m = /\[(\d{2})\/(\w{3})\/(\d{4}):/.exec(blog.accessLog.slice(0, 300));
    if (!m) throw new Error('no timestamp on the first line');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const firstLogDay = Date.UTC(Number(m[3]), months.indexOf(m[2]), Number(m[1]));
    const firstPost = Math.min(...blog.posts.map((p) => p.publishedMs));
    expect(firstLogDay).toBeLessThanOrEqual(firstPost);
  });
});
