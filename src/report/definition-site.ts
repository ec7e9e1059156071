import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceSite } from './results.ts';

interface SourceFile {
  readonly path: string;
  readonly lines: readonly string[];
}

function sourceFiles(directory: string): SourceFile[] {
  let entries: string[];
  try {
    entries = readdirSync(directory, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.endsWith('.ts'))
    .sort()
    .map((entry) => {
      const path = join(directory, entry);
      return { path, lines: readFileSync(path, 'utf8').split('\n') };
    });
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds where a target's steps and probes are defined, so a report can point at the line: a
 * step at its `id: '<id>'`, a probe (`<step id>/<slug>`) at its `slug: '<slug>'`, in the file
 * named after its step first. Reads the target's source folder once.
 */
export class DefinitionSites {
  readonly #root: string;
  readonly #files: readonly SourceFile[];

  constructor(root: string, directory: string) {
    this.#root = root;
    this.#files = sourceFiles(directory);
  }

  find(checkId: string): SourceSite | undefined {
    // Made by a helper (`userLogin('06-login-mfa-challenge', …)`): the id as a literal, in a step or probe file first.
    const literal = new RegExp(`['"\`]${escaped(checkId)}['"\`]`);
    const fallback = () =>
      this.#first(literal, (file) => /[\\/](steps|probes)[\\/]/.test(file.path)) ?? this.#first(literal);
    const slash = checkId.indexOf('/');
    if (slash < 0) return this.#first(new RegExp(`\\bid:\\s*['"\`]${escaped(checkId)}['"\`]`)) ?? fallback();
    const stepId = checkId.slice(0, slash);
    const slug = checkId.slice(slash + 1);
    const pattern = new RegExp(`\\bslug:\\s*['"\`]${escaped(slug)}['"\`]`);
    return (
      this.#first(pattern, (file) => file.path.endsWith(`${sep}${stepId}.ts`)) ??
      this.#first(pattern) ??
      fallback()
    );
  }

  #first(pattern: RegExp, only: (file: SourceFile) => boolean = () => true): SourceSite | undefined {
    for (const file of this.#files.filter(only)) {
      const at = file.lines.findIndex((line) => pattern.test(line));
      if (at >= 0) return { file: relative(this.#root, file.path).split(sep).join('/'), line: at + 1 };
    }
    return undefined;
  }
}
