import { describe, expect, test } from 'vitest';
import { equals, inferredCheck, present } from '../../src/flow/step/checks.ts';
import { totpFrom } from '../../src/flow/step/computed-value.ts';
import { deriveProbe } from '../../src/flow/probe/probe-derive.ts';
import {
  renameVariable,
  replaceVariable,
  withAuth,
  withContentType,
  withJsonBody,
} from '../../src/flow/probe/probe-request.ts';
import { probeTable } from '../../src/docs/probe-table.ts';
import { documented } from '../../src/flow/step/source.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

const activate: StepDefinition = {
  id: '11-activate',
  title: 'Activate',
  docs: 'https://docs.example/activate',
  roles: ['Environment Admin'],
  derive: [totpFrom('secret', 'code')],
  request: {
    method: 'POST',
    url: '{{apiPath}}/environments/{{envID}}/users/{{userID}}/devices/{{deviceID}}',
    auth: { type: 'bearer', token: '{{accessToken}}' },
    headers: { 'x-trace': 'user {{userID}}' },
    body: {
      json: { otp: '{{code}}', note: { '{{userID}}': ['{{ userID }}'] } },
      contentType: 'application/vnd.activate+json',
    },
  },
  expect: { status: 200 },
  checks: [equals('/status', 'ACTIVE')],
  captures: [{ variable: 'activated', pointer: '/id' }],
  cleanup: {
    description: 'x',
    request: { method: 'DELETE', url: '{{apiPath}}/x', auth: { type: 'none' } },
    okStatuses: [204],
  },
};

const answer = { expect: { status: 404 }, checks: [equals('/code', 'NOT_FOUND')], summary: '404 NOT_FOUND' };

describe('request changes', () => {
  test('replaceVariable puts a literal wherever the variable is used: URL, headers, body keys and values', () => {
    const request = replaceVariable('userID', 'nobody')(activate.request);
    expect(request.url).toBe('{{apiPath}}/environments/{{envID}}/users/nobody/devices/{{deviceID}}');
    expect(request.headers).toEqual({ 'x-trace': 'user nobody' });
    expect(request.body).toEqual({
      json: { otp: '{{code}}', note: { nobody: ['nobody'] } },
      contentType: 'application/vnd.activate+json',
    });
  });

  test('renameVariable swaps one variable for another, in the auth too', () => {
    const request = renameVariable('accessToken', 'otherToken')(activate.request);
    expect(request.auth).toEqual({ type: 'bearer', token: '{{otherToken}}' });
    expect(request.url).toBe(activate.request.url);
  });

  test('withAuth, withContentType and withJsonBody change only what they name', () => {
    expect(withAuth({ type: 'none' })(activate.request).auth).toEqual({ type: 'none' });
    expect(withContentType('application/json')(activate.request).body).toEqual({
      json: { otp: '{{code}}', note: { '{{userID}}': ['{{ userID }}'] } },
      contentType: 'application/json',
    });
    expect(withJsonBody({})(activate.request).body).toEqual({
      json: {},
      contentType: 'application/vnd.activate+json',
    });
  });
});

describe('deriveProbe', () => {
  test('a probe is the step with one change: id under the step, its answer instead of the success, no captures or cleanup', () => {
    const probe = deriveProbe({
      stepId: '11-activate',
      slug: 'unknown-user',
      bullet: 'Verify the user id',
      provoked: 'an unknown user',
      from: activate,
      changes: [replaceVariable('userID', 'nobody')],
      answer,
    });
    expect(probe.id).toBe('11-activate/unknown-user');
    expect(probe.step.id).toBe(probe.id);
    expect(probe.step.expect).toEqual({ status: 404 });
    expect(probe.step.checks).toEqual(answer.checks);
    expect(probe.step.captures).toBeUndefined();
    expect(probe.step.cleanup).toBeUndefined();
    expect(probe.step.docs).toBe(activate.docs);
    expect(probe.step.roles).toEqual(activate.roles);
    expect(probe.expected).toBe('404 NOT_FOUND');
  });

  test('a derivation is kept only while the request still sends its value', () => {
    const keeps = deriveProbe({ stepId: 's', slug: 'a', bullet: 'b', provoked: 'p', from: activate, answer });
    expect(keeps.step.derive).toEqual(activate.derive);
    const drops = deriveProbe({
      stepId: 's',
      slug: 'a',
      bullet: 'b',
      provoked: 'p',
      from: activate,
      changes: [withJsonBody({})],
      answer,
    });
    expect(drops.step.derive).toBeUndefined();
  });

  test('the README table has one row per probe; a named skip shows its reason', () => {
    const ran = deriveProbe({
      stepId: 's',
      slug: 'ran',
      bullet: 'b | c',
      provoked: 'p',
      from: activate,
      answer,
    });
    const skipped = deriveProbe({
      stepId: 's',
      slug: 'skipped',
      bullet: 'b',
      provoked: 'p',
      from: activate,
      answer,
      skip: 'cannot be provoked here',
    });
    const rows = probeTable([ran, skipped]).split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toBe('| s | b \\| c | `s/ran` | p | 404 NOT_FOUND | none |');
    expect(rows[3]).toBe('| s | b | `s/skipped` | p | skipped: cannot be provoked here | none |');
  });

  test("the README table's Source column shows each documented ref once and numbers the inferred reasons", () => {
    const sourced = {
      ...answer,
      expect: {
        status: 404,
        source: documented(
          'PingOne OAS (x.yaml) #/components/responses/404',
          "'404': description: Not found.",
        ),
      },
      checks: [
        {
          ...equals('/code', 'NOT_FOUND'),
          source: documented('https://example.test/errors.html#codes', 'NOT_FOUND'),
        },
        inferredCheck(present('/id'), 'our emulator answers so'),
      ],
    };
    const probe = deriveProbe({
      stepId: 's',
      slug: 'src',
      bullet: 'b',
      provoked: 'p',
      from: activate,
      answer: sourced,
    });
    expect(probeTable([probe]).split('\n').slice(2)).toEqual([
      '| s | b | `s/src` | p | 404 NOT_FOUND | OAS `#/components/responses/404`; ' +
        '[errors#codes](https://example.test/errors.html#codes); inferred [1]: /id is present |',
      '',
      'Inferred (no vendor source; a miss against a configured tenant is reported unconfirmed unless ' +
        '`--strict`):',
      '',
      '1. our emulator answers so',
    ]);
  });
});
