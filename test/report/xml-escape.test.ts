import { describe, expect, it } from 'vitest';
import { stripIllegalXmlChars, xmlAttribute, xmlText } from '../../src/report/xml-escape.ts';

describe('XML escaping', () => {
  it('strips what XML 1.0 cannot carry and keeps everything it can, astral characters included', () => {
    expect(stripIllegalXmlChars('a\u0000b\u0007c\u001Fd\uD800e\uDFFFf\uFFFEg\uFFFFh')).toBe('abcdefgh');
    expect(stripIllegalXmlChars('tab\tlf\ncr\r é → 😀 \uE000\uFFFD')).toBe(
      'tab\tlf\ncr\r é → 😀 \uE000\uFFFD',
    );
  });

  it('escapes markup in text, `]]>` included', () => {
    expect(xmlText('<a> & ]]> "q"')).toBe('&lt;a&gt; &amp; ]]&gt; "q"');
  });

  it('escapes quotes and keeps line breaks and tabs of an attribute as references', () => {
    expect(xmlAttribute(`"a" 'b' <c> & d\te\nf\rg`)).toBe(
      '&quot;a&quot; &apos;b&apos; &lt;c&gt; &amp; d&#9;e&#10;f&#13;g',
    );
  });
});
