import { expect, test } from 'vitest';
import { expectationTests } from '../../src/export/expectation-script.ts';
import { HELPERS_LINE } from '../../src/export/helpers-script.ts';
import { runScript } from './sandbox-stub.ts';

test('an inferred status whose refusal the docs promise: `status (inferred)`, and `refused` fails on a 2xx', () => {
  const lines = [
    HELPERS_LINE,
    ...expectationTests({
      status: 423,
      contentType: /^application\/json\b/,
      source: { kind: 'documented', ref: 'docs', quote: 'refused' },
      inferred: { status: 'the docs give no status', refusalDocumented: true },
    }),
  ];
  const refused = runScript(lines, {
    response: { code: 400, json: {}, headers: { 'content-type': 'application/json' } },
  });
  expect(refused.tests.map((each) => [each.name, each.passed])).toEqual([
    ['status (inferred)', false],
    ['refused', true],
    ['content type', true],
  ]);
  const accepted = runScript(lines, {
    response: { code: 200, json: {}, headers: { 'content-type': 'text/html' } },
  });
  expect(accepted.tests.map((each) => [each.name, each.passed, each.error])).toEqual([
    ['status (inferred)', false, 'expected 423, given 200'],
    ['refused', false, 'expected a 4xx refusal, given 200'],
    ['content type', false, 'expected matches /^application\\/json\\b/, given text/html'],
  ]);
});

test('an inferred source makes every part inferred, the stricter schema included', () => {
  const names = expectationTests({
    status: 200,
    schema: 'acme/user',
    headers: { 'correlation-id': /\S/ },
    source: { kind: 'inferred', reason: 'our emulator' },
    inferredSchema: { schema: 'acme/user-strict', reason: 'stricter' },
  }).map((line) => /pm\.test\("([^"]+)"/.exec(line)?.[1]);
  expect(names).toEqual([
    'status (inferred)',
    'header correlation-id (inferred)',
    'schema acme/user (inferred)',
    'schema acme/user-strict (inferred)',
  ]);
});
