import { expect, test } from 'vitest';
import { escapeHtml, html, SafeHtml } from '../../src/report/html-escape.ts';

test('escapeHtml escapes every character that could end text or a quoted attribute', () => {
  expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe(
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
  );
});

test('the html tag escapes what it interpolates, keeps its own markup, and drops absent values', () => {
  const inner = html`<b>${'<i>'}</b>`;
  // prettier-ignore
  const page = html`<p title="${'"><script>'}">${inner}${['<', 1, new SafeHtml('<br>')]}${false}${undefined}</p>`;
  expect(page.markup).toBe('<p title="&quot;&gt;&lt;script&gt;"><b>&lt;i&gt;</b>&lt;1<br></p>');
});
