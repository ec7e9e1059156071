import { SMOKE_VARIABLE } from '../process/run-variables.ts';

/** True in an `idflow run --smoke` run: the flow only, no troubleshooting probe is declared. */
export function smokeRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[SMOKE_VARIABLE] === '1';
}
