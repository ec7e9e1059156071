import { drainLerianLedger } from '../cleanup/drain-lerian-ledger.ts';
import { drainPingOneLedger } from '../cleanup/drain-pingone-ledger.ts';
import { lerianTenant, pingOneTenant } from '../cleanup/ledger-tenants.ts';
import { sweepDeadLedgers, type DeadLedgerTarget } from '../cleanup/sweep-dead-ledgers.ts';
import { sweepPingOne } from '../cleanup/sweep.ts';
import { sweepLerian } from '../cleanup/sweep-lerian.ts';
import { lerianCredentialTransport, resolveLerianConfig } from '../config/lerian-config.ts';
import { pingOneCredentialTransport, resolvePingOneConfig } from '../config/pingone-config.ts';
import { ConfigError } from '../errors/config-error.ts';
import { displayUrl } from '../redact/display-url.ts';
import type { SweepReport } from '../cleanup/sweep-line.ts';
import type { SweepOptions } from '../cleanup/sweep-options.ts';
import type { LoadedVariables } from '../config/load-variables.ts';
import type { CredentialTransport } from '../guards/transport-guard.ts';

/** The targets `idflow sweep` can clean, the first being the default. */
export const SWEEP_TARGETS = ['pingone', 'lerian-identity'] as const;
/** A target `idflow sweep` can clean. */
export type SweepTargetName = (typeof SWEEP_TARGETS)[number];

/** One configured target, ready to sweep. */
export interface SweepTarget {
  /** What is swept and where: `SANDBOX environments named idflow-… … at https://…`. */
  readonly describe: string;
  /** Said instead of the lines when nothing is named like a run's. */
  readonly nothingFound: string;
  /** Where the sweep sends credentials: vetted before its first request. */
  readonly transport: CredentialTransport;
  sweep(options: SweepOptions): Promise<SweepReport>;
}

/** What the command read: the variables, the `--env` file as given, and the threshold as typed. */
export interface SweepTargetInput {
  readonly loaded: LoadedVariables;
  readonly envOption: string | undefined;
  readonly olderThan: string;
  /** Where `idflow run` keeps ledger folders (`.idflow/runs`): those of dead runs are drained first. */
  readonly runsDir: string;
}

const DEAD_LEDGERS = '; and, whatever their age, what the ledgers of dead runs in .idflow/runs name';

/** Drains the dead runs' ledgers first (what they name is provably a run's), then sweeps by listing. */
async function withDeadLedgers(
  input: SweepTargetInput,
  ledgers: DeadLedgerTarget,
  options: SweepOptions,
  listing: () => Promise<SweepReport>,
): Promise<SweepReport> {
  const drained = await sweepDeadLedgers(input.runsDir, ledgers, options);
  const listed = await listing();
  return {
    lines: [...drained.lines, ...listed.lines],
    notes: [...(drained.notes ?? []), ...(listed.notes ?? [])],
  };
}

/** True for a `--target` value `idflow sweep` can clean. */
export function isSweepTarget(name: string): name is SweepTargetName {
  return (SWEEP_TARGETS as readonly string[]).includes(name);
}

function nothingConfigured(
  input: SweepTargetInput,
  tenant: string,
  envFile: string,
  variables: string,
): ConfigError {
  return new ConfigError({
    code: 'CONFIG_MISSING',
    ...(input.envOption === undefined ? {} : { file: input.envOption }),
    message: `sweep needs a ${tenant} tenant to clean, and ${input.envOption ?? 'the process environment'} configures none (there is no embedded emulator to sweep). Pass --env ${envFile} (see ${envFile}.example) or set the ${variables} variables.`,
  });
}

/**
 * The named target with its configuration resolved as `idflow run` resolves it; throws
 * ConfigError (exit 2) naming what to set when the target is not configured or a variable is wrong.
 */
export function sweepTarget(name: SweepTargetName, input: SweepTargetInput): SweepTarget {
  const { variables, source } = input.loaded;
  if (name === 'pingone') {
    const config = resolvePingOneConfig(variables, source);
    if (config === undefined) throw nothingConfigured(input, 'PingOne', 'env/pingone.env', 'PINGONE_*');
    return {
      describe: `SANDBOX environments named idflow-… older than ${input.olderThan} at ${displayUrl(config.apiUrl)}${DEAD_LEDGERS}`,
      nothingFound: 'no environment is named like an idflow run.',
      transport: pingOneCredentialTransport(config),
      sweep: (options) =>
        withDeadLedgers(
          input,
          {
            target: 'pingone',
            tenant: pingOneTenant(config),
            base: { variable: 'apiPath', url: config.apiUrl },
            drain: (entries) => drainPingOneLedger(config, entries, options.poll),
          },
          options,
          async () => ({ lines: await sweepPingOne(config, options) }),
        ),
    };
  }
  const config = resolveLerianConfig(variables, source);
  if (config === undefined)
    throw nothingConfigured(input, 'Lerian Identity', 'env/lerian-identity.env', 'LERIAN_*');
  return {
    describe: `Lerian Identity users named idflow-<run id>-… whose run started longer ago than ${input.olderThan} at ${displayUrl(config.identityUrl)}${DEAD_LEDGERS}`,
    nothingFound: 'the tenant lists no users.',
    transport: lerianCredentialTransport(config),
    sweep: (options) =>
      withDeadLedgers(
        input,
        {
          target: 'lerian-identity',
          tenant: lerianTenant(config),
          base: { variable: 'identityPath', url: config.identityUrl },
          drain: (entries) => drainLerianLedger(config, entries, options.poll),
        },
        options,
        () => sweepLerian(config, options),
      ),
  };
}
