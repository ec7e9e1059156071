import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, parseRetryAfter } from '../../src/http/backoff.ts';

describe('backoffDelayMs', () => {
  const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000, jitterMs: 100 };

  it('doubles from the base, capped, with jitter in [0, jitterMs)', () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelayMs(retry, policy, () => 0))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoffDelayMs(1, policy, () => 0.5)).toBe(150);
  });

  it('keeps real random jitter within its bounds', () => {
    for (let retry = 1; retry <= 6; retry += 1) {
      const floor = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
      for (let sample = 0; sample < 200; sample += 1) {
        const delay = backoffDelayMs(retry, policy);
        expect(delay).toBeGreaterThanOrEqual(floor);
        expect(delay).toBeLessThanOrEqual(floor + policy.jitterMs);
      }
    }
  });

  it('defaults follow the PingOne guidance: jitter up to 100 ms, a few attempts', () => {
    expect(DEFAULT_RETRY_POLICY.jitterMs).toBe(100);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or malformed header', () => {
    for (const value of [undefined, '', '-1', '1.5', 'soon', '2026-01-01'])
      expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
