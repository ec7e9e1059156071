import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LedgerFile, ledgerFileFromEnvironment, readLedgerFiles } from '../../src/flow/run/ledger-file.ts';
import { describeEntry } from '../../src/cleanup/describe-entry.ts';
import { Ledger, type LedgerEntry } from '../../src/flow/run/ledger.ts';
import { runTeardown } from '../../src/flow/run/teardown.ts';
import type { HttpClient } from '../../src/http/types.ts';

/** A well-formed (UUID) id per letter: teardown puts nothing else into a URL. */
function idOf(letter: string): string {
  return `00000000-0000-4000-8000-0000000000${letter.charCodeAt(0).toString(16)}`;
}

function entry(id: string): LedgerEntry {
  return {
    stepId: `step-${id}`,
    cleanup: {
      description: `thing ${id}`,
      request: {
        method: 'DELETE',
        url: '{{apiPath}}/things/{{thingID}}',
        auth: { type: 'bearer', token: '{{accessToken}}' },
      },
      okStatuses: [204],
    },
    values: { apiPath: 'http://127.0.0.1:1/v1', thingID: idOf(id) },
  };
}

test('the ledger file mirrors every change; a deletion that failed stays in it for the drain', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idflow-ledger-'));
  const ledger = new Ledger(new LedgerFile({ dir, runId: 'r1', target: 'pingone' }));
  ledger.add(entry('a'));
  ledger.add(entry('b'));
  ledger.add(entry('c'));
  const [written] = readLedgerFiles(dir);
  expect(written?.content.target).toBe('pingone');
  expect(written?.content.entries.map((each) => each.values.thingID)).toEqual(['a', 'b', 'c'].map(idOf));

  const sent: string[] = [];
  const client: HttpClient = {
    send: async (request) => {
      sent.push(request.url);
      if (sent.length === 2) throw new Error('process killed here');
      return { status: 204, headers: {}, bodyText: '', json: undefined, durationMs: 1 };
    },
    close: async () => {},
  };
  // The second delete throws: it is reported and stays in the ledger; the loop carries on with the oldest.
  const reports = await runTeardown(ledger, client, { live: () => 'token' });
  expect(sent).toEqual([
    `http://127.0.0.1:1/v1/things/${idOf('c')}`,
    `http://127.0.0.1:1/v1/things/${idOf('b')}`,
    `http://127.0.0.1:1/v1/things/${idOf('a')}`,
  ]);
  expect(reports.map((report) => report.deleted)).toEqual([true, false, true]);
  expect(readLedgerFiles(dir)[0]?.content.entries.map((each) => each.values.thingID)).toEqual([idOf('b')]);
  expect(ledger.size).toBe(1);
});

test('entries leave the file one by one, newest first, as their deletions are confirmed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idflow-ledger-'));
  const ledger = new Ledger(new LedgerFile({ dir, runId: 'r2' }));
  ledger.add(entry('a'));
  ledger.add(entry('b'));
  const seen: string[][] = [];
  const client: HttpClient = {
    send: async () => {
      seen.push((readLedgerFiles(dir)[0]?.content.entries ?? []).map((each) => String(each.values.thingID)));
      return { status: 204, headers: {}, bodyText: '', json: undefined, durationMs: 1 };
    },
    close: async () => {},
  };
  await runTeardown(ledger, client, { live: () => 'token' });
  expect(seen).toEqual([[idOf('a'), idOf('b')], [idOf('a')]]);
});

test('no journal outside a supervised run; entries describe themselves by id, never by secret', () => {
  expect(ledgerFileFromEnvironment({ runId: 'r3' }, {})).toBeUndefined();
  expect(
    ledgerFileFromEnvironment(
      { runId: 'r3', target: 'pingone' },
      { IDFLOW_LEDGER_DIR: mkdtempSync(join(tmpdir(), 'idflow-ledger-')) },
    )?.file,
  ).toMatch(/pingone-r3\.json$/);
  expect(describeEntry(entry('x'))).toBe(`thing x (thingID=${idOf('x')})`);
});

test('a deletion answered 204 but still readable stays in the file; one never reached by the deadline too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idflow-ledger-'));
  const ledger = new Ledger(new LedgerFile({ dir, runId: 'r4' }));
  ledger.add(entry('a'));
  ledger.add({
    ...entry('b'),
    cleanup: {
      ...entry('b').cleanup,
      confirmGone: { method: 'GET', url: '{{apiPath}}/things/{{thingID}}', auth: { type: 'none' } },
    },
  });
  const client: HttpClient = {
    send: async (request) => ({
      status: request.method === 'DELETE' ? 204 : 200,
      headers: {},
      bodyText: '',
      json: undefined,
      durationMs: 1,
    }),
    close: async () => {},
  };
  const reports = await runTeardown(ledger, client, {
    live: () => 'token',
    poll: { deadlineMs: 100, intervalMs: 20 },
  });
  expect(reports.map((report) => report.deleted)).toEqual([false, true]);
  expect(reports[0]?.problem).toContain('still readable');
  expect(readLedgerFiles(dir)[0]?.content.entries.map((each) => each.values.thingID)).toEqual([idOf('b')]);

  const late = await runTeardown(ledger, client, { live: () => 'token', deadlineMs: -1 });
  expect(late).toEqual([
    {
      stepId: 'step-b',
      description: 'thing b',
      deleted: false,
      problem: 'not attempted: the teardown deadline passed',
    },
  ]);
  expect(ledger.size).toBe(1);
});

test('an id that is not a safe path segment is never put into a DELETE; it stays, named raw', async () => {
  const ledger = new Ledger();
  ledger.add({ ...entry('x'), values: { ...entry('x').values, thingID: '../organizations' } });
  const sent: string[] = [];
  const client: HttpClient = {
    send: async (request) => {
      sent.push(request.url);
      return { status: 204, headers: {}, bodyText: '', json: undefined, durationMs: 1 };
    },
    close: async () => {},
  };
  const [report] = await runTeardown(ledger, client, { live: () => 'token' });
  expect(sent).toEqual([]);
  expect(report?.deleted).toBe(false);
  expect(report?.problem).toContain('thingID="../organizations" is not a well-formed id');
  expect(ledger.size).toBe(1);
});
