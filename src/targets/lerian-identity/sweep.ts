import { formatAge } from '../../process/duration.ts';
import { listLerianUsers, type ListedUser } from './list-users.ts';
import { ID_FORM, isWellFormedId, quoteUntrusted } from '../../flow/step/id-format.ts';
import { Ledger } from '../../flow/run/ledger.ts';
import { RUN_PREFIX, parseLeadingRunId } from '../../flow/run/run-id.ts';
import { runTeardown } from '../../flow/run/teardown.ts';
import { createLerianIdentitySession } from './session.ts';
import { createUser } from './steps/02-user.ts';
import { lerianTokenStep } from './token-step.ts';
import type { LerianConfig } from './config.ts';
import type { FlowSession } from '../../flow/run/session.ts';
import type { SweepLine, SweepReport } from '../../cleanup/sweep-line.ts';
import type { SweepOptions } from '../../cleanup/sweep-options.ts';

/** Why the Lerian sweep left a user alone. */
export type LerianLeftAlone = 'too recent' | 'no run id' | 'configured' | 'not ours' | 'malformed id';

/** One line of the Lerian sweep's report: the user as `username (id)`. */
export type LerianSweepLine = SweepLine<LerianLeftAlone>;

const OUR_PREFIX = `${RUN_PREFIX}-`;

/**
 * Age comes from the run id in the username, not from a `createdAt`: the run id is ours and is
 * always there, while UserResponse documents no `createdAt`; and it dates the run, which is what
 * a leftover of a crashed run is measured by. It errs young (minute precision), never old.
 */
function decide(user: ListedUser, config: LerianConfig, options: SweepOptions, now: number): LerianSweepLine {
  const line = (action: LerianSweepLine['action'], detail: string): LerianSweepLine => ({
    action,
    subject: `${user.username} (${isWellFormedId(user.id) ? user.id : quoteUntrusted(user.id)})`,
    detail,
  });
  // The id goes into the DELETE's URL: one that is no Lerian id may address anything else.
  if (!isWellFormedId(user.id))
    return line('malformed id', `its id is not ${ID_FORM}, as every Lerian user id is: never deleted`);
  if (user.username === config.adminUser?.id)
    return line('configured', 'LERIAN_USERNAME names it: never deleted');
  const run = parseLeadingRunId(user.username.slice(OUR_PREFIX.length));
  if (!run) return line('no run id', `no run id (yyyymmddthhmm-xxxxxx) after ${OUR_PREFIX}: never deleted`);
  const age = now - run.startedAt.getTime();
  if (age < options.olderThanMs)
    return line(
      'too recent',
      `run ${run.runId} started ${formatAge(age)} ago (threshold ${formatAge(options.olderThanMs)})`,
    );
  return line(options.dryRun ? 'would delete' : 'deleted', `run ${run.runId} started ${formatAge(age)} ago`);
}

/** Deletes one user with the run's own cleanup of step 02 (DELETE, then read until 404). */
async function deleteUser(
  session: FlowSession,
  config: LerianConfig,
  user: ListedUser,
  options: SweepOptions,
): Promise<string | undefined> {
  const cleanup = createUser.cleanup;
  if (!cleanup) throw new Error('step 02 declares no cleanup; sweep cannot build the delete request');
  const ledger = new Ledger();
  ledger.add({ stepId: 'sweep', cleanup, values: { identityPath: config.identityUrl, userID: user.id } });
  const [report] = await runTeardown(ledger, session.context.client, {
    live: session.context.vars.lookup,
    alsoOk: [404],
    ...(options.poll ? { poll: options.poll } : {}),
  });
  return report?.deleted ? undefined : (report?.problem?.split('\n')[0] ?? 'not deleted');
}

/**
 * Deletes the test users of Lerian Identity runs killed before anything could clean up: users
 * named `idflow-<run id>-…` whose run started longer ago than the threshold. Gets the token a
 * run's cleanup would (the admin user's, else the M2M application's), lists every user first,
 * then deletes. Never touches a user without our prefix and a parseable run id, nor the
 * configured admin user, nor one whose listed id is not a UUID. Throws (StepFailedError) when no token can be
 * had or no page read.
 */
export async function sweepLerian(config: LerianConfig, options: SweepOptions): Promise<SweepReport> {
  const session = createLerianIdentitySession(config);
  try {
    await session.run(lerianTokenStep(config));
    const now = (options.now ?? new Date()).getTime();
    const listing = await listLerianUsers(session);
    const ours = listing.users.filter((user) => user.username.startsWith(OUR_PREFIX));
    const lines: LerianSweepLine[] = [];
    for (const user of ours) {
      const decided = decide(user, config, options, now);
      const problem =
        decided.action === 'deleted' ? await deleteUser(session, config, user, options) : undefined;
      lines.push(problem === undefined ? decided : { ...decided, action: 'failed', detail: problem });
    }
    const others = listing.users.length - ours.length;
    if (others > 0) {
      lines.push({
        action: 'not ours',
        subject: `${others} other user${others === 1 ? '' : 's'}`,
        detail: `not named ${OUR_PREFIX}…: never touched`,
        count: others,
      });
    }
    return { lines, notes: listing.notes };
  } finally {
    await session.context.client.close();
  }
}
