import { parseDuration } from '../process/duration.ts';
import { ConfigError } from '../errors/config-error.ts';
import { DEFAULT_TIMEOUT_MS } from './client.ts';

/**
 * Overrides the per-request timeout (headers and body together) with a duration such as `10s`,
 * or `200ms` (what `--timeout-request 200` sets, beating the variable's own value).
 */
export const REQUEST_TIMEOUT_VARIABLE = 'IDFLOW_REQUEST_TIMEOUT';

/** Longest accepted request timeout: past it a request is better judged by `--deadline`. */
const MAX_MS = 3_600_000;

/**
 * The per-request timeout from {@link REQUEST_TIMEOUT_VARIABLE}, ms, or the client's default
 * (30 s); ConfigError naming the variable when malformed. Read by every session, so `idflow run`,
 * its suites and its drain all use it.
 */
export function requestTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = env[REQUEST_TIMEOUT_VARIABLE];
  if (value === undefined || value === '') return DEFAULT_TIMEOUT_MS;
  const millis = /^(\d+)ms$/.exec(value.trim());
  const ms = millis ? Number(millis[1]) : parseDuration(value);
  if (ms === undefined || ms <= 0 || ms > MAX_MS) {
    throw new ConfigError({
      code: 'CONFIG_INVALID',
      variable: REQUEST_TIMEOUT_VARIABLE,
      example: `${REQUEST_TIMEOUT_VARIABLE}=10s`,
      message:
        `${REQUEST_TIMEOUT_VARIABLE} must be a duration above 0 with a unit ms, s, m or h, at most ` +
        `1h, got "${value}" (e.g. ${REQUEST_TIMEOUT_VARIABLE}=10s).`,
    });
  }
  return ms;
}
