import { resolve } from 'node:path';
import { REQUEST_TIMEOUT_VARIABLE, requestTimeoutMs } from '../http/request-timeout-variable.ts';
import { tlsSettingsFromEnvironment } from '../http/tls-settings.ts';
import {
  CA_FILE_VARIABLE,
  CERT_FILE_VARIABLE,
  INSECURE_TLS_VARIABLE,
  KEY_FILE_VARIABLE,
} from '../process/run-variables.ts';
import { integerOption } from './parse-options.ts';
import { UsageError } from './usage-error.ts';

/** The options `idflow run`, `doctor` and `sweep` take for TLS and the per-request timeout (parseArgs). */
export const NETWORK_OPTIONS = {
  ca: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  insecure: { type: 'boolean', default: false },
  'timeout-request': { type: 'string' },
} as const;

/** What the command line gave of {@link NETWORK_OPTIONS}. */
export interface NetworkOptionValues {
  readonly ca?: string | undefined;
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
  readonly insecure?: boolean | undefined;
  readonly 'timeout-request'?: string | undefined;
}

/** Longest `--timeout-request`, as for `IDFLOW_REQUEST_TIMEOUT`: one hour. */
const MAX_TIMEOUT_MS = 3_600_000;

const FILE_VARIABLES = [CA_FILE_VARIABLE, CERT_FILE_VARIABLE, KEY_FILE_VARIABLE] as const;

function insecureWarning(byOption: boolean): string {
  return (
    `${byOption ? '--insecure' : INSECURE_TLS_VARIABLE}: servers' TLS certificates are not verified, so ` +
    `anyone on the network path can pose as the tenant and read the client secret, passwords and ` +
    `tokens idflow sends. Trust a private CA with --ca FILE instead.`
  );
}

/**
 * Applies `--ca FILE`, `--cert FILE --key FILE`, `--insecure` and `--timeout-request MS` to `env`
 * (this process's environment: every client the command builds reads it, and so does the test
 * process `idflow run` starts), where they beat the variables of the same meaning
 * (src/process/run-variables.ts, `IDFLOW_REQUEST_TIMEOUT`). File paths become absolute; only
 * paths travel, never a key. Then checks everything once, before the first request: a mistake
 * in an option is a UsageError, a file that cannot be used a ConfigError naming it (both exit 2).
 * Returns the warnings to print (`--insecure`).
 */
export function applyNetworkOptions(
  options: NetworkOptionValues,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if ((options.cert === undefined) !== (options.key === undefined)) {
    throw new UsageError(
      options.cert === undefined
        ? '--key needs --cert: pass the client certificate with --cert FILE (PEM) beside its key.'
        : "--cert needs --key: pass the certificate's private key with --key FILE (PEM).",
    );
  }
  const timeoutMs = integerOption('timeout-request', options['timeout-request'], {
    min: 1,
    max: MAX_TIMEOUT_MS,
  });
  if (timeoutMs !== undefined) env[REQUEST_TIMEOUT_VARIABLE] = `${timeoutMs}ms`;
  if (options.ca !== undefined) env[CA_FILE_VARIABLE] = options.ca;
  if (options.cert !== undefined) env[CERT_FILE_VARIABLE] = options.cert;
  if (options.key !== undefined) env[KEY_FILE_VARIABLE] = options.key;
  if (options.insecure === true) env[INSECURE_TLS_VARIABLE] = '1';
  for (const name of FILE_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') env[name] = resolve(value);
  }
  requestTimeoutMs(env);
  const tls = tlsSettingsFromEnvironment(env);
  return tls.insecure ? [insecureWarning(options.insecure === true)] : [];
}

/**
 * The TLS options that repeat `env`'s settings on another command line (the `idflow sweep` a
 * stopped run suggests): paths only, never a key or passphrase.
 */
export function networkSweepArguments(env: NodeJS.ProcessEnv = process.env): string[] {
  const words: string[] = [];
  const options: ReadonlyArray<[string, string]> = [
    ['--ca', CA_FILE_VARIABLE],
    ['--cert', CERT_FILE_VARIABLE],
    ['--key', KEY_FILE_VARIABLE],
  ];
  for (const [option, variable] of options) {
    const value = env[variable];
    if (value !== undefined && value !== '') words.push(option, value);
  }
  if (/^(?:1|true)$/i.test(env[INSECURE_TLS_VARIABLE]?.trim() ?? '')) words.push('--insecure');
  return words;
}
