import { SUPERVISOR_ONLY_VARIABLES } from '../process/run-variables.ts';
import { TARGETS } from '../targets/registry.ts';
import { UsageError } from './usage-error.ts';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/**
 * `--env-var KEY=VALUE` (repeatable, as in Newman): each value goes into this process's
 * environment, so it beats the env file (a process variable wins over the file's) and reaches the
 * test process `idflow run` starts. An empty value leaves the file's. The value is never echoed:
 * a malformed assignment is named by its key, or by its position.
 */
export function applyEnvVars(assignments: readonly string[] | undefined): void {
  const parsed: Array<[string, string]> = [];
  (assignments ?? []).forEach((assignment, index) => {
    const match = ASSIGNMENT.exec(assignment);
    if (!match) {
      const key = /^([^=]*)=/.exec(assignment)?.[1];
      throw new UsageError(
        `--env-var ${key === undefined ? `number ${index + 1}` : `"${key}"`} is not KEY=VALUE with a ` +
          `variable name as KEY (e.g. --env-var ${TARGETS[0]?.variablePrefix ?? ''}REGION=EU).`,
      );
    }
    const name = match[1] as string;
    if (SUPERVISOR_ONLY_VARIABLES.includes(name)) {
      throw new UsageError(
        `--env-var ${name}: idflow run sets ${name} for the process it supervises; use its option instead.`,
      );
    }
    parsed.push([name, match[2] as string]);
  });
  for (const [name, value] of parsed) process.env[name] = value;
}
