import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isbot } from 'isbot';
import { describe, expect, it } from 'vitest';
import { botName, isBotUserAgent } from './bots';
import { parseLogLine } from './traffic/log-line';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36';

describe('isBotUserAgent', () => {
  it.each([
    [FIREFOX, false],
    [CHROME, false],
    ['', true],
    ['-', true],
    ['  ', true],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', true],
    ['curl/8.5.0', true],
    ['Tiny Tiny RSS/22.08 (http://tt-rss.org/)', true],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)', true],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ChatGPT-User/1.0; +https://openai.com/bot)', true],
    ['Mozilla/5.0 (compatible; OAI-SearchBot/1.0; +https://openai.com/searchbot)', true],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)', true],
    ['Claude-Web/1.0', true],
    ['anthropic-ai', true],
    ['Mozilla/5.0 (compatible; PerplexityBot/1.0; +https://perplexity.ai/perplexitybot)', true],
    [
      'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
      true,
    ],
    ['CCBot/2.0 (https://commoncrawl.org/faq/)', true],
    ['Google-Extended', true],
    ['Applebot-Extended', true],
    ['Mozilla/5.0 (compatible; Amazonbot/0.1; +https://developer.amazon.com/support/amazonbot)', true],
    ['meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)', true],
    ['cohere-ai', true],
    ['Mozilla/5.0 (compatible; Diffbot/0.1; +http://www.diffbot.com)', true],
  ])('%j -> %s', (ua, expected) => {
    expect(isBotUserAgent(ua)).toBe(expected);
    // Second call comes from the cache and must agree.
    expect(isBotUserAgent(ua)).toBe(expected);
  });

  it('stays correct past the cache bound', () => {
    for (let i = 0; i < 6000; i++) expect(isBotUserAgent(`${FIREFOX} build/${i}`)).toBe(false);
    expect(isBotUserAgent('GPTBot/1.0')).toBe(true);
    expect(isBotUserAgent(FIREFOX)).toBe(false);
  });
});

describe('botName', () => {
  it.each([
    [
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
      'GPTBot',
    ],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Googlebot'],
    ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'Bingbot'],
    ['meta-externalagent/1.1', 'meta-externalagent'],
    [FIREFOX, null],
    ['-', null],
    ['', null],
  ])('%j -> %j', (ua, expected) => {
    expect(botName(ua)).toBe(expected);
  });

  it('falls back to the part isbot matched', () => {
    expect(botName('python-requests/2.31.0')).toMatch(/python/i);
  });
});

const LOG = path.resolve(__dirname, '../../shared/fixtures/apache-combined-10k.log');
if (!existsSync(LOG)) console.warn(`skipping real-log bot tests: ${LOG} not found (shared fixtures absent)`);

describe.skipIf(!existsSync(LOG))('bots on the real Apache fixture', () => {
  it('isbot flags 3,009 lines, 190 of them with UA "-"; isBotUserAgent agrees', () => {
    const uas = readFileSync(LOG, 'utf8')
      .split('\n')
      .map((l) => parseLogLine(l)?.userAgent)
      .filter((ua): ua is string => typeof ua === 'string');
    expect(uas.length).toBe(9999); // line 8899 is truncated
    expect(uas.filter((ua) => isbot(ua)).length).toBe(3009);
    expect(uas.filter((ua) => ua === '-').length).toBe(190);
    expect(uas.filter((ua) => isBotUserAgent(ua)).length).toBe(3009);
  });
});
