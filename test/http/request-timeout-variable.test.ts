import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/config-error.ts';
import { DEFAULT_TIMEOUT_MS } from '../../src/http/client.ts';
import { requestTimeoutMs } from '../../src/http/request-timeout-variable.ts';

describe('IDFLOW_REQUEST_TIMEOUT', () => {
  it('defaults to the client default and reads a duration', () => {
    expect(requestTimeoutMs({})).toBe(DEFAULT_TIMEOUT_MS);
    expect(requestTimeoutMs({ IDFLOW_REQUEST_TIMEOUT: '5s' })).toBe(5_000);
  });

  it.each(['abc', '0s', '2d', '500'])('refuses %s, naming the variable', (value) => {
    expect(() => requestTimeoutMs({ IDFLOW_REQUEST_TIMEOUT: value })).toThrow(ConfigError);
    expect(() => requestTimeoutMs({ IDFLOW_REQUEST_TIMEOUT: value })).toThrow(
      /IDFLOW_REQUEST_TIMEOUT.*e\.g\./,
    );
  });
});
