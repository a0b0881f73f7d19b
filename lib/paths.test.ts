import { describe, expect, it } from 'vitest';
import { classifyPath, normalizePath, requestPath, shortLinkId, slugify } from './paths';

describe('normalizePath', () => {
  it.each([
    ['https://example.com/blog/x.html?utm_source=a#top', '/blog/x.html'],
    ['/so-about-this-blog/', '/so-about-this-blog'],
    ['/so-about-this-blog', '/so-about-this-blog'],
    ['/', '/'],
    ['', '/'],
    ['//cdn.example/a/b/', '/a/b'],
    ['/a//b///', '/a/b'],
    ['/caf%C3%A9/', '/café'],
    ['/bad%E0%A4%A/', '/bad%E0%A4%A'],
    ['/blog/index.html', '/blog'],
    ['/index.php', '/'],
    ['relative/path/', '/relative/path'],
    ['/Case/Kept', '/Case/Kept'],
  ])('%j -> %j', (input, out) => expect(normalizePath(input)).toBe(out));
});

describe('requestPath and short links', () => {
  it.each([
    ['/?p=123', '/?p=123'],
    ['/?page_id=7&preview=true', '/?p=7'],
    ['/?utm_source=x', '/'],
    ['/post/?p=3', '/post'],
  ])('%j -> %j', (input, out) => expect(requestPath(input)).toBe(out));
  it('reads the id of a short link', () => {
    expect(shortLinkId('https://b.example/?p=42')).toBe('42');
    expect(shortLinkId('/x?page=2')).toBeNull();
  });
});

describe('classifyPath', () => {
  it.each([
    ['/blog/x.html', '/blog/x.html', 'page'],
    ['/blog/tags/puppet', '/blog/tags/puppet?flav=rss20', 'feed'],
    ['/feed', '/feed/', 'feed'],
    ['/blog/x/feed', '/blog/x/feed/', 'feed'],
    ['/style.css', '/style.css', 'asset'],
    ['/wp-content/uploads/a', '/wp-content/uploads/a', 'asset'],
    ['/wp-json/wp/v2/posts', '/wp-json/wp/v2/posts', 'api'],
    ['/wp-login.php', '/wp-login.php', 'admin'],
    ['/', '/', 'page'],
  ])('%j (%j) is %j', (path, raw, kind) => expect(classifyPath(path, raw)).toBe(kind));
});

describe('slugify (WordPress sanitize_title)', () => {
  it.each([
    ['So, about this blog…', 'so-about-this-blog'],
    ["Don't Panic: A Guide", 'dont-panic-a-guide'],
    ['Crème brûlée — at home', 'creme-brulee-at-home'],
    ['  Many   spaces  ', 'many-spaces'],
  ])('%j -> %j', (t, s) => expect(slugify(t)).toBe(s));
});
