import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { DefinitionSites } from '../../src/report/definition-site.ts';
import { TARGETS } from '../../src/targets/registry.ts';

describe('definition sites', () => {
  for (const target of TARGETS) {
    it(`finds where each of ${target.name}'s steps and probes is defined, at a line naming it`, () => {
      const sites = new DefinitionSites(PACKAGE_ROOT, resolve(PACKAGE_ROOT, 'src', 'targets', target.name));
      const catalogue = target.catalogue();
      const ids = [...catalogue.steps.map((step) => step.id), ...catalogue.probes.map((probe) => probe.id)];
      const missing: string[] = [];
      for (const id of ids) {
        const site = sites.find(id);
        if (site === undefined) {
          missing.push(id);
          continue;
        }
        const line = readFileSync(resolve(PACKAGE_ROOT, site.file), 'utf8').split('\n')[site.line - 1] ?? '';
        expect(line, `${id} at ${site.file}:${site.line}`).toContain(
          id.includes('/') ? id.split('/')[1] : id,
        );
      }
      // Probes made by a loop (one per lockout attempt) have no literal of their own.
      expect(missing.filter((id) => !id.includes('#'))).toEqual([]);
    });
  }

  it('finds nothing for an id nobody defines', () => {
    const sites = new DefinitionSites(PACKAGE_ROOT, resolve(PACKAGE_ROOT, 'src', 'targets'));
    expect(sites.find('00-no-such-step')).toBeUndefined();
    expect(sites.find('05-create-user/no-such-probe')).toBeUndefined();
  });
});
