import { describe, expect, it } from 'vitest';
import { countWords, decodeEntities, htmlToText, inlineHtmlToText, normalizeParagraphs } from './text';

describe('decodeEntities', () => {
  it.each([
    ['Fish &amp; Chips', 'Fish & Chips'],
    ['Fish &amp;amp; Chips', 'Fish & Chips'],
    ['It&amp;#8217;s', 'It\u2019s'],
    ['It&#8217;s &#x2014; &hellip;', 'It\u2019s \u2014 \u2026'],
    ['caf&eacute; &nbsp;', 'caf\u00e9 \u00a0'],
    ['no entities here', 'no entities here'],
    ['AT&T & friends', 'AT&T & friends'],
  ])('%j → %j', (input, out) => {
    expect(decodeEntities(input)).toBe(out);
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two &amp; three</p>', 'One\n\nTwo & three'],
    ['<p>Line<br>break</p>', 'Line\nbreak'],
    ['First para\n\nSecond para\nsame para', 'First para\n\nSecond para same para'],
    ['<!-- wp:paragraph -->\n<p>Block</p>\n<!-- /wp:paragraph -->', 'Block'],
    ['<script>alert(1)</script><style>p{}</style><p>Shown</p>', 'Shown'],
    ['<ul><li>a</li><li>b</li></ul>', 'a\n\nb'],
    ['<p>&lt;p&gt; is a tag</p>', '<p> is a tag'],
    ['<p>x <img src="a.png" alt="pic">y</p>', 'x y'],
    ['', ''],
  ])('%j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('inlineHtmlToText', () => {
  it.each([
    ['Title <em>With</em> <b>Markup</b>', 'Title With Markup'],
    ['a < b and c > d', 'a < b and c > d'],
    [
      'Special &amp;amp; ~`!@#$%^&amp;*()-_=+{}[]/\\;:&#039;&quot;?,.&gt;',
      'Special & ~`!@#$%^&*()-_=+{}[]/\\;:\'"?,.>',
    ],
  ])('%j', (html, text) => {
    expect(inlineHtmlToText(html)).toBe(text);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['one', 1],
    ['  two\nwords  ', 2],
    ['don’t stop — 4-bit models', 4],
    ['Ελληνικά κείμενο εδώ', 3],
    ['• 🙂 —', 0],
    ['naïve café\u00a0crème', 3],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('normalizeParagraphs', () => {
  it('joins paragraphs with one blank line and collapses spaces', () => {
    expect(normalizeParagraphs('  a  b\r\n\r\n\r\n c \n\n')).toBe('a b\n\nc');
  });
});
