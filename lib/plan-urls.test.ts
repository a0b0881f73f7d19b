import { describe, expect, it } from 'vitest';
import { encodePath, livePostUrl, normalizeTargetUrl, sourcePaths } from './plan-urls';

describe('livePostUrl', () => {
  it('joins the site URL with the permalink path, keeping its trailing slash', () => {
    expect(livePostUrl('https://blog.example/', '/a', 'https://old.example/a/')).toBe('https://blog.example/a/');
    expect(livePostUrl('https://blog.example', '/café walk', null)).toBe('https://blog.example/caf%C3%A9%20walk');
  });
  it("falls back to the post's own URL, and to null without one", () => {
    expect(livePostUrl('', '/a', 'https://old.example/a/')).toBe('https://old.example/a/');
    expect(livePostUrl('not a url', '/a', null)).toBeNull();
    expect(livePostUrl('', '/a', 'javascript:alert(1)')).toBeNull();
  });
});

describe('encodePath', () => {
  it('encodes spaces, non-ASCII and characters servers give meaning to, and decodes back', () => {
    for (const p of ['/café walk', '/a$b\\c"d\'e;f{g}h*i:j#k?l%m', '/日本']) {
      const e = encodePath(p);
      expect(e).toMatch(/^[A-Za-z0-9\-._~/!&()+,=@%]+$/);
      expect(decodeURIComponent(e)).toBe(p);
    }
  });
});

describe('normalizeTargetUrl', () => {
  it('accepts http(s) URLs and absolute paths, encoding config-breaking characters', () => {
    expect(normalizeTargetUrl(' https://example.com/a b?x=$1 ')).toBe('https://example.com/a%20b?x=%241');
    expect(normalizeTargetUrl('/new "place";')).toBe('/new%20%22place%22%3B');
    expect(normalizeTargetUrl('https://EXAMPLE.com')).toBe('https://example.com/');
  });
  it('refuses what is not a web address, with the reason', () => {
    expect(() => normalizeTargetUrl('')).toThrow(/empty/);
    expect(() => normalizeTargetUrl('javascript:alert(1)')).toThrow(/not an http/);
    expect(() => normalizeTargetUrl('ftp://x.example/')).toThrow(/not an http/);
    expect(() => normalizeTargetUrl('relative/path')).toThrow(/not an http/);
    expect(() => normalizeTargetUrl('//evil.example/x')).toThrow(/not an http/);
    expect(() => normalizeTargetUrl('/a\nb')).toThrow(/control character/);
  });
});

describe('sourcePaths', () => {
  it('lists canonical, permalink (decoded) and alias paths once, without / or query aliases', () => {
    expect(sourcePaths('/café', 'https://x.example/caf%C3%A9/', ['/old-café', '/?p=12', '/', '/café'])).toEqual([
      '/café',
      '/café/',
      '/old-café',
    ]);
  });
});
