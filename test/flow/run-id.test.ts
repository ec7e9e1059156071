import { describe, expect, test } from 'vitest';
import { newRunId, parseLeadingRunId } from '../../src/flow/run/run-id.ts';

describe('parseLeadingRunId', () => {
  test('reads back what newRunId writes, to the minute, alone or followed by -…', () => {
    const now = new Date('2026-11-23T07:29:41.500Z');
    const runId = newRunId(now);
    expect(parseLeadingRunId(runId)).toEqual({ runId, startedAt: new Date('2026-11-23T07:29:00Z') });
    expect(parseLeadingRunId(`${runId}-ana`)?.runId).toBe(runId);
  });

  test.each([
    ['no run id', 'manual-test'],
    ['a date that does not exist', '20261399t2599-abcdef'],
    ['February 30th', '20260230t1200-abcdef'],
    ['a random part too short', '20261123t0729-8ecfe'],
    ['a random part running on', '20261123t0729-8ecfe1x'],
    ['upper case', '20261123T0729-8ECFE1'],
    ['something before it', 'x20261123t0729-8ecfe1'],
  ])('%s: none (%s)', (_label, text) => {
    expect(parseLeadingRunId(text)).toBeUndefined();
  });
});
