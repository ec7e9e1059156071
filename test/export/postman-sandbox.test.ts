import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { computedLine } from '../../src/export/computed-script.ts';
import {
  HELPERS_LINE,
  HELPERS_SOURCE,
  HELPERS_VARIABLE,
  SCHEMAS_VARIABLE,
} from '../../src/export/helpers-script.ts';
import { schemaBundle } from '../../src/export/schema-bundle.ts';
import { totpFrom, wrongTotp } from '../../src/flow/step/computed-value.ts';
import { totpCode } from '../../src/otp/totp.ts';
import { defaultSchemaDirectory } from '../../src/schema/registry.ts';
import { loadSchemaFiles } from '../../src/schema/schema-files.ts';
import { runNewman } from './newman-run.ts';

/**
 * What only Postman's own sandbox can prove: the helpers' TOTP over its crypto-js, and every
 * schema of the project compiled by its ajv 6 (draft-07), run by Newman against a local server
 * that records what it was sent.
 */
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const files = loadSchemaFiles(defaultSchemaDirectory());
const schemas = schemaBundle(
  files.map((file) => file.name),
  files,
);
const DEVICE = 'https://idflow.dev/schemas/pingone/device.schema.json';

let server: Server;
let base = '';
const received: URLSearchParams[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(new URL(request.url ?? '/', 'http://local').searchParams);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"not-a-device"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const script = (listen: string, exec: string[]) => ({ listen, script: { type: 'text/javascript', exec } });

test('in Newman: TOTP codes as RFC 6238 gives them, every schema compiles, and a bad body fails its schema', async () => {
  const collection = {
    info: { name: 'sandbox', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    variable: [
      { key: HELPERS_VARIABLE, value: HELPERS_SOURCE },
      { key: SCHEMAS_VARIABLE, value: JSON.stringify(schemas) },
      { key: 'secret', value: SECRET },
    ],
    item: [
      {
        name: 'codes',
        request: { method: 'GET', url: `${base}/codes?code={{code}}&wrong={{wrong}}&at={{at}}` },
        event: [
          script('prerequest', [
            HELPERS_LINE,
            'pm.variables.set("at", String(Date.now()));',
            computedLine(totpFrom('secret', 'code')),
            computedLine(wrongTotp('secret', 'wrong')),
          ]),
          script('test', [
            'var Ajv = require("ajv");',
            'var ajv = new Ajv({ unknownFormats: "ignore", logger: false });',
            `var schemas = JSON.parse(pm.collectionVariables.get("${SCHEMAS_VARIABLE}"));`,
            'Object.keys(schemas).forEach(function (id) { ajv.addSchema(schemas[id]); });',
            'Object.keys(schemas).forEach(function (id) { pm.test("compiles " + id, function () { if (typeof ajv.getSchema(id) !== "function") throw new Error("not compiled"); }); });',
            HELPERS_LINE,
            `pm.test("device", function () { idflow.schema(${JSON.stringify(DEVICE)}); });`,
          ]),
        ],
      },
    ],
  };
  const summary = await runNewman(collection, { values: [] });
  const sent = received.at(-1) as URLSearchParams;
  const at = Number(sent.get('at'));
  const valid = [-30_000, 0, 30_000].map((offset) => totpCode(SECRET, at + offset));
  expect(valid).toContain(sent.get('code'));
  expect(sent.get('code')).toMatch(/^\d{6}$/);
  expect(valid).not.toContain(sent.get('wrong'));
  expect(sent.get('wrong')).toMatch(/^\d{6}$/);

  const assertions = summary.run.executions[0]?.assertions ?? [];
  const compiled = assertions.filter((each) => each.assertion.startsWith('compiles '));
  expect(compiled.length).toBe(Object.keys(schemas).length);
  expect(
    compiled.filter((each) => each.error).map((each) => `${each.assertion}: ${each.error?.message}`),
  ).toEqual([]);
  const device = assertions.find((each) => each.assertion === 'device');
  expect(device?.error?.message).toMatch(
    /^expected valid against .*device\.schema\.json, given .*should have required property/,
  );
}, 30_000);
