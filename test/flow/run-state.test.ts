import { expect, test } from 'vitest';
import { RunState } from '../../src/flow/run/run-state.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

const step = (id: string, captures: string[]): StepDefinition => ({
  id,
  title: id,
  request: { method: 'GET', url: 'http://x', auth: { type: 'none' } },
  expect: { status: 200 },
  captures: captures.map((variable) => ({ variable, pointer: '/id' })),
});

test('a skip reason names the variable, the step that produces it and what happened to it', () => {
  const state = new RunState([
    step('03-create-environment', ['envID']),
    step('05-create-user', ['sharedUserID']),
  ]);
  state.record('03-create-environment', 'failed');
  expect(state.skipReason(['envID'])).toBe('needs envID from 03-create-environment, which failed');
  state.record('05-create-user', 'skipped');
  expect(state.skipReason(['envID', 'sharedUserID'])).toBe(
    'needs envID from 03-create-environment, which failed; sharedUserID from 05-create-user, which was ' +
      'skipped',
  );
  expect(state.skipReason(['orgID'])).toContain('orgID, which nothing in this run provides');
});
