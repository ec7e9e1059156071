import { sweepDeadLedgers, type DeadLedgerTarget } from '../cleanup/sweep-dead-ledgers.ts';
import { ConfigError } from '../errors/config-error.ts';
import { TARGETS, findTarget, type TargetDescriptor } from '../targets/registry.ts';
import type { SweepReport } from '../cleanup/sweep-line.ts';
import type { SweepOptions } from '../cleanup/sweep-options.ts';
import type { LoadedVariables } from '../config/load-variables.ts';
import type { CredentialTransport } from '../guards/transport-guard.ts';

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

/** The targets `idflow sweep` can clean (those that list their tenant), the first being the default. */
export function sweepTargets(): readonly TargetDescriptor[] {
  return TARGETS.filter((target) => target.sweep !== undefined);
}

/** The target `idflow sweep --target NAME` cleans; undefined when it cannot clean that one. */
export function findSweepTarget(name: string): TargetDescriptor | undefined {
  const target = findTarget(name);
  return target?.sweep === undefined ? undefined : target;
}

function nothingConfigured(input: SweepTargetInput, target: TargetDescriptor): ConfigError {
  const envFile = target.envExample.replace(/\.example$/, '');
  return new ConfigError({
    code: 'CONFIG_MISSING',
    ...(input.envOption === undefined ? {} : { file: input.envOption }),
    message:
      `sweep needs a ${target.title} tenant to clean, and ` +
      `${input.envOption ?? 'the process environment'} configures none (there is no embedded ` +
      `emulator to sweep). Pass --env ${envFile} (see ${target.envExample}) or set the ` +
      `${target.variablePrefix}* variables.`,
  });
}

/**
 * The target with its configuration resolved as `idflow run` resolves it; throws ConfigError
 * (exit 2) naming what to set when the target is not configured or a variable is wrong.
 */
export function sweepTarget(target: TargetDescriptor, input: SweepTargetInput): SweepTarget {
  const { variables, source } = input.loaded;
  const listing = target.sweep;
  if (listing === undefined) throw new Error(`${target.name} has no sweep`);
  const config = target.resolveConfig(variables, source);
  if (config === undefined) throw nothingConfigured(input, target);
  return {
    describe: `${listing.describe(config, input.olderThan)}${DEAD_LEDGERS}`,
    nothingFound: listing.nothingFound,
    transport: target.transport(config),
    sweep: (options) =>
      withDeadLedgers(
        input,
        {
          target: target.name,
          tenant: target.tenant(config),
          base: target.ledgerBase(config),
          drain: (entries) => target.drain(config, entries, options.poll),
        },
        options,
        () => listing.list(config, options),
      ),
  };
}
