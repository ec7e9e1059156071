/** One simple command of a shell script. */
export interface ShellCommand {
  /** The script line it starts on, from 1. */
  readonly line: number;
  /** Its words, quotes removed; `$VAR` and `${VAR}` kept as written. Redirections are dropped. */
  readonly words: readonly string[];
}

/** A construct the splitter does not read; thrown so that no command line goes unchecked. */
export class UnreadableScriptError extends Error {
  constructor(what: string, line: number) {
    super(`line ${line}: ${what} is not read by the template checks; write the command plainly`);
    this.name = 'UnreadableScriptError';
  }
}

const SEPARATORS = new Set([';', '&', '|']);

/** Where the quote opened at `open` closes (a double quote skips backslash escapes), or -1. */
function closingQuote(script: string, open: number): number {
  const quote = script[open];
  if (quote === "'") return script.indexOf(quote, open + 1);
  for (let at = open + 1; at < script.length; at += 1) {
    if (script[at] === '\\') at += 1;
    else if (script[at] === quote) return at;
  }
  return -1;
}

/**
 * Splits a POSIX shell script into simple commands, as far as CI templates need: backslash-newline
 * continuations are joined, comments dropped, commands split at newlines, `;`, `&&`, `||`, `|`
 * and `&`, words split at blanks with single and double quotes removed. Variables are not
 * expanded (the checks resolve them from the template). Command substitution, backticks and
 * here-documents throw {@link UnreadableScriptError}.
 */
export function shellCommands(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let line = 1;
  let startLine = 1;
  let dropNextWord = false;

  const endWord = () => {
    if (!inWord) return;
    if (dropNextWord) dropNextWord = false;
    else words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push({ line: startLine, words });
    words = [];
    dropNextWord = false;
  };
  const startWord = () => {
    if (!inWord && words.length === 0) startLine = line;
    inWord = true;
  };

  for (let at = 0; at < script.length; at += 1) {
    const char = script[at] as string;
    const next = script[at + 1];
    if (char === '`' || (char === '$' && next === '('))
      throw new UnreadableScriptError('command substitution', line);
    if (char === "'" || char === '"') {
      const close = closingQuote(script, at);
      if (close < 0) throw new UnreadableScriptError('an unterminated quote', line);
      const quoted = script.slice(at + 1, close);
      if (char === '"' && /`|\$\(/.test(quoted))
        throw new UnreadableScriptError('command substitution', line);
      startWord();
      word += char === '"' ? quoted.replace(/\\([$`"\\])/g, '$1').replace(/\\\n/g, '') : quoted;
      line += quoted.split('\n').length - 1;
      at = close;
      continue;
    }
    if (char === '\\') {
      if (next === '\n') line += 1;
      else if (next !== undefined) {
        startWord();
        word += next;
      }
      at += 1;
      continue;
    }
    if (char === '#' && !inWord) {
      const end = script.indexOf('\n', at);
      at = (end < 0 ? script.length : end) - 1;
      continue;
    }
    if (char === '<' && next === '<') throw new UnreadableScriptError('a here-document', line);
    if (char === '>' || char === '<') {
      // A redirection and its target are not the command's words; `2>` drops the 2 too.
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      } else endWord();
      while (script[at + 1] === '>' || script[at + 1] === '&') at += 1;
      if (script[at] === '&' && /\d/.test(script[at + 1] ?? '')) at += 1;
      else dropNextWord = true;
      continue;
    }
    if (char === '\n') {
      endCommand();
      line += 1;
      continue;
    }
    if (SEPARATORS.has(char)) {
      endCommand();
      if ((char === '&' || char === '|') && next === char) at += 1;
      continue;
    }
    if (char === ' ' || char === '\t') {
      endWord();
      continue;
    }
    startWord();
    word += char;
  }
  endCommand();
  return commands;
}
