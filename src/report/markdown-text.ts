/**
 * GitHub-flavoured Markdown from values a tenant (or a results file) wrote: a vendor's message
 * must neither break a table (`|`, a line end), start a code span (a backtick), nor become HTML
 * (`<`), a link or emphasis. Every value goes through one of these; only idflow's own words are
 * written raw.
 */

/** Characters with a Markdown meaning inside a line, escaped with a backslash (CommonMark 2.4). */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;

function escapeInline(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`);
}

/** A value in running text or a heading: escaped, its line ends folded into spaces. */
export function mdText(value: string): string {
  return escapeInline(value.replace(/\r\n|\r|\n/g, ' '));
}

/** A value in a table cell: escaped, its line ends as `<br>` so the row stays one line. */
export function mdCell(value: string | number): string {
  return escapeInline(String(value)).replace(/\r\n|\r|\n/g, '<br>');
}

/** A fenced code block that no backtick run in `text` can close early. */
export function mdCodeBlock(text: string, language = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** A table: a header row and rows of cells already escaped with {@link mdCell}. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
