import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { TARGETS } from '../../src/targets/registry.ts';

/** Generic layers name no vendor: vendor knowledge comes from the target folders, as data. */
test('no source file outside src/targets/<target>/ and src/emulator/<target>/ names a target, but the registry', () => {
  const names = TARGETS.map((target) => target.name.split('-')[0] as string);
  const own = TARGETS.flatMap((target) => [`targets/${target.name}/`, `emulator/${target.name}/`]);
  const offenders = readdirSync(resolve(PACKAGE_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && file !== 'targets/registry.ts')
    .filter((file) => !own.some((folder) => file.startsWith(folder)))
    .filter((file) => {
      const text = readFileSync(resolve(PACKAGE_ROOT, 'src', file), 'utf8').toLowerCase();
      return names.some((name) => text.includes(name));
    });
  expect(offenders).toEqual([]);
});
