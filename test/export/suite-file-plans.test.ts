import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { TARGETS } from '../../src/targets/registry.ts';
import type { PostmanExportPlan } from '../../src/export/export-plan.ts';

/** Each target's export plan stays the suites' mirror: the same files, the same steps in the same order. */
const exportable = TARGETS.filter((target) => target.postmanExport);

describe.each(exportable.map((target) => [target.name, target] as const))(
  'the %s export plan',
  (name, target) => {
    const plan = target.postmanExport as PostmanExportPlan<never>;

    test('names each suite file but the teardown, in name order', () => {
      const files = readdirSync(resolve(PACKAGE_ROOT, 'suites', name))
        .filter((file) => file.endsWith('.test.ts') && !file.startsWith('99-'))
        .map((file) => file.replace(/\.test\.ts$/, ''))
        .sort();
      expect(plan.suiteFiles.map((file) => file.file)).toEqual(files);
    });

    test('holds the catalogue’s steps in its order, and its probes', () => {
      const exported = plan.suiteFiles.flatMap((file) => [...file.steps, ...(file.conditional?.steps ?? [])]);
      const { steps, probes } = target.catalogue();
      const ids = steps.map((step) => step.id);
      const positions = exported.map((step) => ids.indexOf(step.id));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(plan.suiteFiles.flatMap((file) => file.probes).map((probe) => probe.id)).toEqual(
        probes.map((probe) => probe.id),
      );
    });
  },
);

test('the Lerian Identity plan exports every step of its flow', () => {
  const target = TARGETS.find((each) => each.name === 'lerian-identity');
  const plan = target?.postmanExport as PostmanExportPlan<never>;
  const exported = plan.suiteFiles.flatMap((file) => [...file.steps, ...(file.conditional?.steps ?? [])]);
  expect(exported.map((step) => step.id)).toEqual(target?.catalogue().steps.map((step) => step.id));
});
