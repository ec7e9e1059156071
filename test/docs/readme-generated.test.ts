import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { GENERATED_SECTIONS, readSection } from '../../src/docs/readme-sections.ts';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

test.each(Object.keys(GENERATED_SECTIONS))(
  'README section %s matches the definitions (run `npm run docs` after changing them)',
  (name) => {
    const build = GENERATED_SECTIONS[name];
    expect(build).toBeDefined();
    expect(readSection(readme, name)).toBe(build?.());
  },
);
