/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), escaped as the
 * runner unescapes them. The reference is @actions/core's `escapeData` and `escapeProperty`
 * (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts; documented at
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands): data
 * escapes `%`, CR and LF; a property escapes `:` and `,` as well, since they end a property.
 *
 * Escaping is also what keeps a tenant's text from issuing commands of its own: the runner reads
 * a command only at the start of a line, and with CR and LF escaped a value such as
 * `\n::add-mask::…` or `\n::set-output …` stays inside the one line of the command it is part of.
 */

/** A command's data (the text after the second `::`): `%`, CR and LF, `%` first. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property's value (`file=`, `title=`): as data, and `:` and `,`, which would end it. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The properties of an annotation; an undefined one is left out. */
export type CommandProperties = Readonly<Record<string, string | number | undefined>>;

/** One workflow command line (without the line end): `::name key=value,key=value::data`. */
export function workflowCommand(
  name: 'error' | 'warning' | 'notice',
  properties: CommandProperties,
  data: string,
): string {
  const pairs = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${name}${pairs.length ? ` ${pairs.join(',')}` : ''}::${escapeData(data)}`;
}
