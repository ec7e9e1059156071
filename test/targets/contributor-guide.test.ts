import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import mini from '../fixtures/mini-target/index.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { TARGETS } from '../../src/targets/registry.ts';

/** The contributor guide's recipes stay true to the code they describe. */
const guide = readFileSync(resolve(PACKAGE_ROOT, 'src/README.md'), 'utf8');
const quoted = [...guide.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string);

describe('src/README.md, the contributor guide', () => {
  test('names every field a target descriptor has (the fixture target and the registered ones)', () => {
    const fields = new Set([mini, ...TARGETS].flatMap((target) => Object.keys(target)));
    const missing = [...fields].filter((field) => !quoted.includes(field));
    expect(missing, `add these to "Add a target": ${missing.join(', ')}`).toEqual([]);
  });

  test('every file or folder it names exists', () => {
    const paths = quoted.filter((text) => /^(src|test|suites|schemas|env)\/[^\s<>*]*$/.test(text));
    expect(paths.length).toBeGreaterThan(10);
    const missing = paths.filter((path) => !existsSync(resolve(PACKAGE_ROOT, path)));
    expect(missing).toEqual([]);
  });

  test('every function it calls is exported by the source', () => {
    const source = readdirSync(resolve(PACKAGE_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(resolve(PACKAGE_ROOT, 'src', file), 'utf8'))
      .join('\n');
    const called = quoted
      .flatMap((text) => /^(\w+)\(/.exec(text)?.[1] ?? [])
      .filter((name) => name !== 'import');
    expect(called.length).toBeGreaterThan(5);
    const missing = called.filter(
      (name) => !new RegExp(`export (async )?(function|const|class) ${name}\\b`).test(source),
    );
    expect(missing).toEqual([]);
  });
});
