import { randomUUID } from 'node:crypto';
import { Collection, Url } from './postman-collection-module.ts';
import { expectationSchemas } from './expectation-script.ts';
import { HELPERS_LINE, HELPERS_SOURCE, HELPERS_VARIABLE, SCHEMAS_VARIABLE } from './helpers-script.ts';
import { probeRequests, type PlannedRequest } from './probe-requests.ts';
import { requestItem, type RequestItem } from './request-item.ts';
import { schemaBundle } from './schema-bundle.ts';
import { teardownFolder } from './teardown-folder.ts';
import type { SchemaFile } from '../schema/schema-files.ts';
import type { PostmanExportPlan, SuiteFilePlan } from './export-plan.ts';

/** What a collection is made from. */
export interface CollectionSource {
  /** The target's name (`acme`) and title (`Acme Identity API`). */
  readonly target: string;
  readonly title: string;
  readonly plan: PostmanExportPlan<never>;
  /** The project's schemas; those the requests use are embedded. */
  readonly schemas: readonly SchemaFile[];
}

/** A suite file's requests: its steps, its conditional ones, then each probe's (skipped probes send none). */
function fileRequests(file: SuiteFilePlan, seen: Set<string>): PlannedRequest[] {
  const only = file.conditional;
  const guards = only
    ? [`idflow.needs(${JSON.stringify([only.variable])}, ${JSON.stringify(only.reason)})`]
    : [];
  return [
    ...file.steps.map((step) => ({ step })),
    ...(only?.steps ?? []).map((step) => ({ step, guards })),
    ...file.probes.flatMap((probe) => probeRequests(probe, seen)),
  ];
}

/** The folder's description: the probes left out, each with the reason idflow skips it too. */
function folderDescription(file: SuiteFilePlan): string {
  const skipped = file.probes.filter((probe) => probe.skip);
  const lines = [`The steps of suites/…/${file.file}.test.ts in order, then its troubleshooting probes.`];
  if (skipped.length > 0) {
    lines.push('', 'Left out, as idflow skips them too:');
    lines.push(...skipped.map((probe) => `- ${probe.id}: ${probe.skip}`));
  }
  return lines.join('\n');
}

/**
 * Makes a new run: forget the last run's variables (not the helpers), then the target's fresh test
 * data; then stop when the environment (or globals, or a data file) sets any of the run's own
 * variables (`captured`, and the test data), whose values Postman would send instead.
 */
function startLines(plan: PostmanExportPlan<never>, captured: readonly string[]): string[] {
  const kept = [HELPERS_VARIABLE, SCHEMAS_VARIABLE];
  return [
    `Object.keys(pm.collectionVariables.toObject()).forEach(function (name) { if (${JSON.stringify(kept)}.indexOf(name) < 0) pm.collectionVariables.unset(name); });`,
    ...plan.testDataScript.trim().split('\n'),
    // A block of its own: the request's own script declares the helpers next.
    '{',
    `  ${HELPERS_LINE}`,
    `  idflow.ownsVariables(${JSON.stringify(captured)}.concat(Object.keys(pm.collectionVariables.toObject()).filter(function (name) { return ${JSON.stringify(kept)}.indexOf(name) < 0; })));`,
    '}',
  ];
}

/**
 * The Postman collection (v2.1) of a target's suites, built with postman-collection: one folder
 * per suite file in run order, the teardown last. The first request starts a run (fresh test
 * data); every script calls the helpers the collection's pre-request script defines, with the
 * schemas the requests use embedded in it.
 */
export function buildCollection(source: CollectionSource): Record<string, unknown> {
  const seen = new Set<string>();
  const planned = source.plan.suiteFiles.map((file) => ({ file, requests: fileRequests(file, seen) }));
  const all = planned.flatMap(({ requests }) => requests);
  const schemas = new Set(
    all.flatMap(({ step }) => [
      ...expectationSchemas(step.expect),
      ...(step.alternatives ?? []).flatMap((other) => expectationSchemas(other.expect)),
    ]),
  );
  const first = all[0];
  const captured = [
    ...new Set(all.flatMap(({ step }) => (step.captures ?? []).map((each) => each.variable))),
  ];
  const folders = planned.map(({ file, requests }) => ({
    name: file.file,
    description: folderDescription(file),
    item: requests.map((request): RequestItem =>
      requestItem(request, request === first ? startLines(source.plan, captured) : []),
    ),
  }));
  const definition = {
    info: {
      _postman_id: randomUUID(),
      name: `${source.title} (idflow)`,
      description:
        `The ${source.target} steps and troubleshooting probes of idflow, exported by ` +
        `\`idflow export --target ${source.target} --format postman\`. Run the whole collection in order ` +
        '(the first request starts a run with fresh test data; later requests use what earlier ones ' +
        "captured, and one whose input is missing is skipped, saying which). Test names are idflow's " +
        'check names; "(inferred)" marks an expectation no vendor source backs. The collection variables ' +
        `${HELPERS_VARIABLE} (the scripts' helpers) and ${SCHEMAS_VARIABLE} (the JSON Schemas, by $id) ` +
        'are what every script evaluates; leave them as they are.',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    variable: [
      { key: HELPERS_VARIABLE, value: HELPERS_SOURCE, type: 'string' },
      { key: SCHEMAS_VARIABLE, value: JSON.stringify(schemaBundle(schemas, source.schemas)), type: 'string' },
    ],
    item: [
      ...folders,
      teardownFolder(
        all.map(({ step }) => step),
        source.plan.deleteGuards,
      ),
    ],
  };
  const json = new Collection(definition as unknown as ConstructorParameters<typeof Collection>[0]).toJSON();
  return fileFormat(json as unknown as Record<string, unknown>);
}

interface JsonItem {
  item?: JsonItem[];
  request?: { url?: Record<string, unknown> };
}

/**
 * The SDK's JSON as a collection file holds it: each URL with its `raw` form (the SDK splits it
 * into host and path, which Postman shows but a reader of the file should not have to join),
 * and without the SDK's private `_` key.
 */
function fileFormat(json: Record<string, unknown>): Record<string, unknown> {
  const withRaw = (items: JsonItem[] | undefined): void => {
    for (const item of items ?? []) {
      const url = item.request?.url;
      if (url) item.request = { ...item.request, url: { raw: new Url(url).toString(), ...url } };
      withRaw(item.item);
    }
  };
  const { _: _private, ...file } = json;
  withRaw(file.item as JsonItem[]);
  return file;
}
