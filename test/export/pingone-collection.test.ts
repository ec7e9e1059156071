import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCollection } from '../../src/export/build-collection.ts';
import { HELPERS_VARIABLE, SCHEMAS_VARIABLE } from '../../src/export/helpers-script.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { defaultSchemaDirectory } from '../../src/schema/registry.ts';
import { loadSchemaFiles } from '../../src/schema/schema-files.ts';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { pingOneFlow } from '../../src/targets/pingone/catalogue.ts';
import { pingOneProbes } from '../../src/targets/pingone/probes/catalogue.ts';
import type { PostmanExportPlan } from '../../src/export/export-plan.ts';

/** The shape of the PingOne collection: what a reader clicking through it in Postman sees. */
const plan = pingOne.postmanExport as PostmanExportPlan<never>;
const collection = buildCollection({
  target: 'pingone',
  title: pingOne.title,
  plan,
  schemas: loadSchemaFiles(defaultSchemaDirectory()),
});

interface Node {
  name: string;
  description?: string | { content: string };
  item?: Node[];
  request?: {
    method: string;
    url: unknown;
    header?: Array<{ key: string; value: string }>;
    body?: { raw?: string };
  };
  event?: Array<{ listen: string; script: { exec: string[] } }>;
}
const folders = collection.item as Node[];
const describeOf = (node: Node): string =>
  typeof node.description === 'string' ? node.description : (node.description?.content ?? '');
const script = (node: Node, listen: string): string =>
  node.event?.find((event) => event.listen === listen)?.script.exec.join('\n') ?? '';

describe('the PingOne Postman collection', () => {
  test('one folder per suite file, in run order, then the teardown', () => {
    const files = readdirSync(resolve(PACKAGE_ROOT, 'suites/pingone'))
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.test\.ts$/, ''))
      .sort();
    expect(folders.map((folder) => folder.name)).toEqual(files);
  });

  test('the suite files hold the whole flow and every probe, in the catalogue’s order', () => {
    expect(plan.suiteFiles.flatMap((file) => file.steps).map((step) => step.id)).toEqual(
      pingOneFlow.map((step) => step.id),
    );
    expect(plan.suiteFiles.flatMap((file) => file.probes).map((probe) => probe.id)).toEqual(
      pingOneProbes.map((probe) => probe.id),
    );
  });

  test('a probe that cannot be provoked safely is left out, its reason in the folder description', () => {
    const skipped = pingOneProbes.filter((probe) => probe.skip);
    expect(skipped.length).toBeGreaterThan(0);
    const names = folders.flatMap((folder) => folder.item ?? []).map((item) => item.name);
    for (const probe of skipped) {
      expect(names.some((name) => name.startsWith(`${probe.id}:`))).toBe(false);
      const folder = folders.find((each) => describeOf(each).includes(probe.id));
      expect(describeOf(folder as Node)).toContain(`- ${probe.id}: ${probe.skip}`);
    }
  });

  test('requests keep the docs’ {{variables}}, auth, media types and bodies', () => {
    const activate = folders[11]?.item?.[0] as Node;
    expect(activate.name).toBe('11-activate-totp-device: Activate MFA user device (TOTP)');
    expect(JSON.stringify(activate.request?.url)).toContain('{{apiPath}}');
    expect(activate.request?.header).toContainEqual({
      key: 'Content-Type',
      value: 'application/vnd.pingidentity.device.activate+json',
    });
    expect(JSON.parse(activate.request?.body?.raw ?? '{}')).toEqual({ otp: '{{totpCode}}' });
    expect(script(activate, 'prerequest')).toContain('idflow.compute("totpCode", "totp", "totpSecret")');
    const token = folders[0]?.item?.[0] as Node;
    expect(script(token, 'prerequest')).toContain('pm.collectionVariables.set(name, data[name])');
  });

  test('teardown deletes what the flow and the probes created, newest first, environment last', () => {
    const teardown = folders.at(-1) as Node;
    const names = (teardown.item ?? []).map((item) => item.name);
    expect(names.length).toBeGreaterThan(2);
    expect(names.at(-1)).toMatch(/\(03-create-environment\)$/);
    expect(teardown.item?.every((item) => item.request?.method === 'DELETE')).toBe(true);
  });

  test('the schemas are embedded for ajv 6: every one used, with the siblings it $refs, without $schema', () => {
    const variables = collection.variable as Array<{ key: string; value: string }>;
    expect(variables.map((variable) => variable.key)).toEqual([HELPERS_VARIABLE, SCHEMAS_VARIABLE]);
    const schemas = JSON.parse(variables[1]?.value ?? '{}') as Record<string, Record<string, unknown>>;
    expect(Object.keys(schemas)).toContain('https://idflow.dev/schemas/pingone/device.schema.json');
    expect(Object.keys(schemas)).toContain('https://idflow.dev/schemas/pingone/hal-links.schema.json');
    expect(Object.values(schemas).every((schema) => !('$schema' in schema))).toBe(true);
    const used = [...JSON.stringify(collection.item).matchAll(/idflow\.schema\(\\"([^\\]+)\\"\)/g)].map(
      (m) => m[1],
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !((id as string) in schemas))).toEqual([]);
  });
});
