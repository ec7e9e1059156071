import { formatAge } from '../../process/duration.ts';
import { listEnvironmentsNamed, type ListedEnvironment } from './list-environments.ts';
import { ID_FORM, isWellFormedId, quoteUntrusted } from '../../flow/step/id-format.ts';
import { Ledger } from '../../flow/run/ledger.ts';
import { RUN_PREFIX } from '../../flow/run/run-id.ts';
import { runTeardown } from '../../flow/run/teardown.ts';
import { createPingOneSession } from './session.ts';
import { getAccessToken } from './steps/01-get-access-token.ts';
import { createEnvironment } from './steps/03-create-environment.ts';
import type { PingOneConfig } from './config.ts';
import type { SweepOptions } from '../../cleanup/sweep-options.ts';
import type { SweepLine } from '../../cleanup/sweep-line.ts';

/** Why the PingOne sweep left an environment named like ours alone. */
export type PingOneLeftAlone = 'too recent' | 'not SANDBOX' | 'configured' | 'malformed id';

/** One line of the PingOne sweep's report: the environment as `name (id, type)`. */
export type PingOneSweepLine = SweepLine<PingOneLeftAlone>;

const OUR_PREFIX = `${RUN_PREFIX}-`;

function subjectOf(environment: ListedEnvironment): string {
  const id = isWellFormedId(environment.id) ? environment.id : quoteUntrusted(environment.id);
  return `${environment.name} (${id}, ${environment.type})`;
}

function decide(
  environment: ListedEnvironment,
  config: PingOneConfig,
  options: SweepOptions,
  now: number,
): PingOneSweepLine {
  const age = now - Date.parse(environment.createdAt);
  const line = (action: PingOneSweepLine['action'], detail: string): PingOneSweepLine => ({
    action,
    subject: subjectOf(environment),
    detail,
  });
  // The id goes into the DELETE's URL: one that is no PingOne id may address anything else.
  if (!isWellFormedId(environment.id))
    return line('malformed id', `its id is not ${ID_FORM}, as every PingOne id is: never deleted`);
  if (environment.type !== 'SANDBOX') return line('not SANDBOX', `type ${environment.type}: never deleted`);
  if (environment.id === config.environmentId)
    return line('configured', 'PINGONE_ENV_ID names it: never deleted');
  if (!Number.isFinite(age) || age < options.olderThanMs)
    return line('too recent', `created ${formatAge(age)} ago (threshold ${formatAge(options.olderThanMs)})`);
  return line(options.dryRun ? 'would delete' : 'deleted', `created ${formatAge(age)} ago`);
}

/**
 * Lists the tenant's environments named with our run prefix (`idflow-`) and deletes the SANDBOX
 * ones older than the threshold: leftovers of runs that crashed before their teardown. Never
 * touches PRODUCTION, unprefixed or configured environments, nor one whose listed id is not a
 * UUID (it would go into the DELETE's URL); the delete goes through the
 * guarded client, which reads the type once more first. Throws when no token can be had.
 */
export async function sweepPingOne(
  config: PingOneConfig,
  options: SweepOptions,
): Promise<PingOneSweepLine[]> {
  const session = createPingOneSession(config);
  try {
    await session.run(getAccessToken);
    const now = (options.now ?? new Date()).getTime();
    const ours = (await listEnvironmentsNamed(session, OUR_PREFIX)).filter((environment) =>
      environment.name.startsWith(OUR_PREFIX),
    );
    const lines: PingOneSweepLine[] = [];
    for (const environment of ours) {
      const decided = decide(environment, config, options, now);
      if (decided.action !== 'deleted') {
        lines.push(decided);
        continue;
      }
      const ledger = new Ledger();
      ledger.add({
        stepId: 'sweep',
        cleanup: createEnvironment.cleanup ?? missingCleanup(),
        values: { apiPath: config.apiUrl, envID: environment.id },
      });
      const [report] = await runTeardown(ledger, session.context.client, {
        live: session.vars.lookup,
        alsoOk: [404],
        ...(options.poll ? { poll: options.poll } : {}),
      });
      lines.push(
        report?.deleted
          ? decided
          : { ...decided, action: 'failed', detail: report?.problem?.split('\n')[0] ?? 'not deleted' },
      );
    }
    return lines;
  } finally {
    await session.context.client.close();
  }
}

function missingCleanup(): never {
  throw new Error('step 03 declares no cleanup; sweep cannot build the delete request');
}
