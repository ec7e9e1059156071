import { describe, expect, test } from 'vitest';
import { cited, equals, present } from '../../src/flow/step/checks.ts';
import { missingSources } from '../../src/docs/provenance.ts';
import { documented, inferred } from '../../src/flow/step/source.ts';
import type { ProbeDefinition } from '../../src/flow/probe/probe.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

const DOCS = documented('https://example.test/page.html#example-response', '"status": "OK"');
const REQUEST: StepDefinition['request'] = {
  method: 'GET',
  url: '{{apiPath}}/thing',
  auth: { type: 'none' },
};

const sourced: StepDefinition = {
  id: 'x-sourced',
  title: 'every expectation cites its source',
  request: REQUEST,
  expect: { status: 200, contentType: /json/, schema: 'x/thing', source: DOCS },
  checks: [
    ...cited(DOCS, equals('/status', 'OK')),
    { ...present('/id'), source: inferred('our emulator answers so') },
  ],
};

describe('provenance: every expectation names its source', () => {
  test('a step whose expectations all cite a source has nothing missing', () => {
    expect(missingSources([sourced])).toEqual([]);
  });

  test('a check without a source, and an expectation without one, are each named', () => {
    const fixture: StepDefinition = {
      ...sourced,
      id: 'x-missing',
      expect: { status: 200, contentType: /json/, schema: 'x/thing' },
      checks: [...cited(DOCS, equals('/status', 'OK')), present('/id')],
    };
    expect(missingSources([fixture])).toEqual([
      { step: 'x-missing', expectation: 'status' },
      { step: 'x-missing', expectation: 'content type' },
      { step: 'x-missing', expectation: 'schema x/thing' },
      { step: 'x-missing', expectation: 'check "/id is present"' },
    ]);
  });

  test('parts marked inferred need no other source; an empty quote or reason counts as none', () => {
    const partly: StepDefinition = {
      ...sourced,
      id: 'x-partly',
      expect: { status: 415, inferred: { status: 'no source lists 415 here' } },
      checks: [{ ...present('/id'), source: documented('https://example.test/page.html', ' ') }],
    };
    expect(missingSources([partly])).toEqual([{ step: 'x-partly', expectation: 'check "/id is present"' }]);
  });

  test("a probe's answer, its alternatives and the steps it runs first are walked too", () => {
    const before: StepDefinition = { ...sourced, id: 'x-before', checks: [present('/id')] };
    const probe: ProbeDefinition = {
      id: 'x/probe',
      stepId: 'x',
      bullet: 'a bullet',
      provoked: 'somehow',
      expected: '404',
      before: [before],
      step: {
        ...sourced,
        id: 'x/probe',
        expect: { status: 404, source: DOCS },
        checks: [],
        alternatives: [
          {
            expect: { status: 403 },
            summary: '403',
            source: DOCS,
            checks: [equals('/code', 'ACCESS_FAILED')],
          },
        ],
      },
    };
    expect(missingSources([], [probe])).toEqual([
      { step: 'x/probe', expectation: '403: check "/code is "ACCESS_FAILED""' },
      { step: 'x-before', expectation: 'check "/id is present"' },
    ]);
  });
});
