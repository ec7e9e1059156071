import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../src/report/har.ts';
import { renderHar } from '../../src/report/har-report.ts';
import type { ExchangeRecord, RunResults, TargetResults } from '../../src/report/results.ts';
import { harErrors } from './har-validator.ts';
import { resultsFixture } from './results-fixture.ts';

const USERS = 'https://api.pingone.eu/v1/environments/6f1c2a3b-0000-4000-8000-00000000000a/users';

/** An exchange that got no answer: the connection was reset after the request went out. */
const RESET: ExchangeRecord = {
  index: 8,
  check: '99-teardown',
  method: 'GET',
  url: `${USERS}?filter=${encodeURIComponent('username sw "idflow-"')}&limit=2`,
  pathTemplate: '/v1/environments/{id}/users',
  error: { code: 'ECONNRESET', message: 'socket hang up' },
  startedAt: '2026-11-26T02:00:02.400Z',
  startMs: Date.parse('2026-11-26T02:00:02.400Z'),
  durationMs: 12.5,
  requestBytes: 0,
  responseBytes: 0,
  retries: [],
  request: { headers: { authorization: 'Bearer [REDACTED]' } },
};

/** The fixture with the reset exchange, and a second target whose exchanges are the first's. */
function twoTargets(): RunResults {
  const results = resultsFixture();
  const [pingone] = results.targets as [TargetResults];
  const withReset = { ...pingone, exchanges: [...pingone.exchanges, RESET] };
  const lerian = { ...pingone, name: 'lerian-identity', tenant: 'identity.example.test' };
  return { ...results, targets: [withReset, lerian] };
}

function sumOfTimings(entry: HarEntry): number {
  return Object.values(entry.timings).reduce((sum, ms) => sum + (ms === -1 ? 0 : ms), 0);
}

describe('renderHar', () => {
  it('validates against HAR 1.2 (har-schema), as written to a file too', () => {
    for (const failing of [true, false]) {
      const har = renderHar(resultsFixture({ failing }));
      expect(harErrors(har)).toEqual([]);
      expect(harErrors(JSON.parse(JSON.stringify(har)))).toEqual([]);
    }
    expect(harErrors(renderHar(twoTargets()))).toEqual([]);
  });

  it('names itself: version 1.2, creator idflow and its version', () => {
    const { log } = renderHar(resultsFixture());
    expect(log.version).toBe('1.2');
    expect(log.creator).toEqual({ name: 'idflow', version: '0.1.0' });
  });

  it('has one entry per exchange, in the order sent, each on its target page', () => {
    const results = twoTargets();
    const { log } = renderHar(results);
    expect(log.pages.map((page) => [page.id, page.title, page.startedDateTime])).toEqual([
      ['pingone', '20261126t0200-abc123 (api.pingone.eu)', '2026-11-26T02:00:00.000Z'],
      ['lerian-identity', '20261126t0200-abc123 (identity.example.test)', '2026-11-26T02:00:00.000Z'],
    ]);
    const exchanges = results.targets.flatMap((target) =>
      target.exchanges.map((exchange) => [
        target.name,
        exchange.check,
        exchange.method,
        exchange.url,
        exchange.startedAt,
      ]),
    );
    expect(exchanges).toHaveLength(17);
    expect(
      log.entries.map((entry) => [
        entry.pageref,
        entry._idflowCheck,
        entry.request.method,
        entry.request.url,
        entry.startedDateTime,
      ]),
    ).toEqual(exchanges);
  });

  it('keeps a retried exchange whole: its time, the waits as blocked, the attempts', () => {
    const { log } = renderHar(resultsFixture());
    const created = log.entries[1];
    expect(created?._idflowCheck).toBe('03-create-environment');
    expect(created?.time).toBe(1450);
    expect(created?.timings).toEqual({ blocked: 1000, dns: -1, connect: -1, send: 0, wait: 450, receive: 0 });
    expect(created?._retries).toEqual([{ outcome: '429', waitedMs: 1000, basis: 'Retry-After' }]);
    for (const entry of log.entries) expect(sumOfTimings(entry), entry._idflowCheck).toBe(entry.time);
    expect(log.entries[0]?._retries).toBeUndefined();
  });

  it('writes the request and the answer as HAR fields', () => {
    const { log } = renderHar(resultsFixture());
    const failed = log.entries[4];
    expect(failed?.request).toMatchObject({
      method: 'POST',
      url: USERS,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'authorization', value: 'Bearer [REDACTED]' },
        { name: 'content-type', value: 'application/json' },
      ],
      queryString: [],
      postData: { mimeType: 'application/json', text: '{"name":"idflow-20261126t0200-abc123"}' },
      headersSize: -1,
      bodySize: 42,
    });
    expect(failed?.response).toMatchObject({
      status: 400,
      statusText: 'Bad Request',
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'content-type', value: 'application/json' },
        { name: 'correlation-id', value: 'corr-4' },
      ],
      content: { mimeType: 'application/json', text: expect.stringContaining('"code":"INVALID_DATA"') },
      redirectURL: '',
      headersSize: -1,
    });
    expect(failed?._correlationId).toBe('corr-4');
    expect(failed?.cache).toEqual({});
  });

  it('keeps an exchange that got no answer: status 0 and its error, still valid HAR', () => {
    const har = renderHar(twoTargets());
    expect(harErrors(har)).toEqual([]);
    const reset = har.log.entries[8];
    expect(reset?._idflowCheck).toBe('99-teardown');
    expect(reset?.time).toBe(12.5);
    expect(reset?.response).toMatchObject({
      status: 0,
      statusText: '',
      bodySize: -1,
      _error: 'ECONNRESET: socket hang up',
    });
    expect(reset?.response.content).toEqual({ size: 0, mimeType: 'x-unknown' });
    expect(reset?.request.queryString).toEqual([
      { name: 'filter', value: 'username sw "idflow-"' },
      { name: 'limit', value: '2' },
    ]);
    expect(reset?._correlationId).toBeUndefined();
    expect(reset?.request.postData).toBeUndefined();
    expect(reset?.request.bodySize).toBe(0);
  });

  it('is checked by a validator that rejects a broken HAR', () => {
    const { log } = renderHar(resultsFixture());
    const [first, ...rest] = log.entries as [HarEntry, ...HarEntry[]];
    const { request: _request, ...withoutRequest } = first;
    expect(harErrors({ log: { ...log, entries: [withoutRequest, ...rest] } })).toEqual([
      expect.objectContaining({ instancePath: '/log/entries/0', params: { missingProperty: 'request' } }),
    ]);
    const badDate = { ...first, startedDateTime: 'yesterday' };
    expect(harErrors({ log: { ...log, entries: [badDate, ...rest] } })).not.toEqual([]);
    expect(harErrors({ log: { ...log, creator: undefined } })).not.toEqual([]);
  });
});
