import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { checkId, criticalPath, type CriticalPath } from '../../src/engine/critical-path.ts';
import { planChecks } from '../../src/engine/plan-checks.ts';
import { readResultsFile } from '../../src/report/read-results.ts';
import type { FlowSession } from '../../src/flow/run/session.ts';
import type { TargetDescriptor } from '../../src/targets/registry.ts';
import { idflowCommand } from './tool-commands.ts';

/**
 * The critical path of the target's plan, in round trips: one unmeasured `idflow run --report
 * json` against the bench's emulator says how many requests each check sent (one after another
 * within a check), and the plan says which check waits for which. At a latency L per answer no
 * schedule of this plan can end sooner than its round trips × L after the flow starts.
 */
export async function criticalPathRoundTrips(
  target: TargetDescriptor,
  envFile: string,
  directory: string,
  env: NodeJS.ProcessEnv,
): Promise<CriticalPath> {
  if (target.plan === undefined) throw new Error(`${target.name} has no plan to schedule`);
  const resultsFile = join(directory, 'critical-path-results.json');
  await idflowCommand(
    ['run', '--target', target.name, '--env', envFile, '--report', `json=${resultsFile}`],
    env,
  );
  const checks = readResultsFile(resultsFile).targets.find((each) => each.name === target.name)?.checks ?? [];
  const sent = new Map(checks.map((check) => [check.id, check.exchanges.length]));
  const config = target.resolveConfig(parse(readFileSync(envFile, 'utf8')), envFile);
  const planned = planChecks(target.plan, {
    target: target.name,
    config,
    // Planning sends nothing: the session is only used once a check runs.
    session: {} as FlowSession,
    baseline: { file: '(none)', deviations: [] },
    selected: null,
    smoke: false,
    keep: false,
  });
  return criticalPath(planned, (check) => sent.get(checkId(check)) ?? 0);
}
