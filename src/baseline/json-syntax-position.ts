/** Where text stops being JSON, 1-based, for a message that must not quote the text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

class NotJson extends Error {
  constructor(readonly offset: number) {
    super('not JSON');
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** A recursive-descent walk of the JSON grammar that only finds the first offending offset. */
class Scanner {
  #at = 0;

  constructor(readonly text: string) {}

  run(): void {
    this.value();
    this.space();
    if (this.#at < this.text.length) throw new NotJson(this.#at);
  }

  private space(): void {
    while (/[ \t\n\r]/.test(this.text[this.#at] ?? '')) this.#at += 1;
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.#at] !== char) throw new NotJson(this.#at);
    this.#at += 1;
  }

  private sticky(pattern: RegExp): void {
    pattern.lastIndex = this.#at;
    if (!pattern.test(this.text)) throw new NotJson(this.#at);
    this.#at = pattern.lastIndex;
  }

  private string(): void {
    this.expect('"');
    for (;;) {
      const char = this.text[this.#at];
      if (char === undefined || char < ' ') throw new NotJson(this.#at);
      if (char === '"') break;
      if (char === '\\') this.sticky(ESCAPE);
      else this.#at += 1;
    }
    this.#at += 1;
  }

  private list(close: string, item: () => void): void {
    this.space();
    if (this.text[this.#at] === close) {
      this.#at += 1;
      return;
    }
    for (;;) {
      item();
      this.space();
      if (this.text[this.#at] === close) {
        this.#at += 1;
        return;
      }
      this.expect(',');
    }
  }

  private value(): void {
    this.space();
    const char = this.text[this.#at];
    if (char === '{') {
      this.#at += 1;
      this.list('}', () => {
        this.string();
        this.expect(':');
        this.value();
      });
    } else if (char === '[') {
      this.#at += 1;
      this.list(']', () => this.value());
    } else if (char === '"') this.string();
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.sticky(NUMBER);
    else {
      const literal = ['true', 'false', 'null'].find((word) => this.text.startsWith(word, this.#at));
      if (literal === undefined) throw new NotJson(this.#at);
      this.#at += literal.length;
    }
  }
}

/**
 * The line and column where `text` stops being valid JSON (the end of the text when it stops
 * short), or undefined when it is valid (or nested too deeply to walk). JSON.parse's own messages quote the
 * text around the
 * mistake, which may be a secret when the file is not the one the user meant.
 */
export function jsonSyntaxPosition(text: string): TextPosition | undefined {
  try {
    new Scanner(text).run();
    return undefined;
  } catch (error) {
    // Anything else (nesting deeper than the stack) leaves the mistake unlocated, not the run failed.
    if (!(error instanceof NotJson)) return undefined;
    const before = text.slice(0, error.offset).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}
