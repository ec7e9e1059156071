import { COMPARE_OPTIONS } from '../../../src/cli/compare-command.ts';
import { DOCTOR_OPTIONS } from '../../../src/cli/doctor-command.ts';
import { EMULATOR_OPTIONS } from '../../../src/cli/emulator-command.ts';
import { EXPORT_OPTIONS } from '../../../src/cli/export-command.ts';
import { LIST_OPTIONS } from '../../../src/cli/list-command.ts';
import { parseOptions, type CommandOptions } from '../../../src/cli/parse-options.ts';
import { checkReporters } from '../../../src/cli/reporter-option.ts';
import { reportRequests } from '../../../src/cli/report-option.ts';
import { RUN_OPTIONS, outputFiles } from '../../../src/cli/run-command.ts';
import { selectTargets } from '../../../src/cli/select-targets.ts';
import { SELFTEST_OPTIONS } from '../../../src/cli/selftest-command.ts';
import { SWEEP_OPTIONS } from '../../../src/cli/sweep-command.ts';
import { isSecretVariable, variableProblem } from './known-variables.ts';
import { shellCommands } from './shell-words.ts';

/** Every idflow command and the options it accepts (a test keeps it equal to `idflow help`). */
export const IDFLOW_COMMANDS: Readonly<Record<string, CommandOptions>> = {
  run: RUN_OPTIONS,
  doctor: DOCTOR_OPTIONS,
  emulator: EMULATOR_OPTIONS,
  list: LIST_OPTIONS,
  compare: COMPARE_OPTIONS,
  export: EXPORT_OPTIONS,
  selftest: SELFTEST_OPTIONS,
  sweep: SWEEP_OPTIONS,
};

/** Commands that talk to a configured tenant: their job needs the tenant's environment. */
export const TENANT_COMMANDS: readonly string[] = ['run', 'doctor', 'sweep'];

/** One `idflow …` command line of a script. */
export interface IdflowInvocation {
  /** The script line it starts on, from 1. */
  readonly line: number;
  readonly command: string | undefined;
  readonly args: readonly string[];
}

/** A report file an `idflow run` writes (`--report junit=reports/junit.xml`, `--output-file junit=…`). */
export interface ReportFile {
  /** The reporter it is for, or undefined when one path serves every file reporter. */
  readonly reporter: string | undefined;
  /** As written, relative to the job's working directory. */
  readonly path: string;
}

/** What the variables of a template can hold: values, or undefined when it cannot tell. */
export type VariableValues = (name: string) => readonly string[] | undefined;

const NPX_FLAGS = new Set(['--yes', '-y', '--no-install', '--no']);

/** True when `words` (before the idflow word) are a way of calling the installed idflow. */
function isLauncher(words: readonly string[]): boolean {
  if (words.length === 0) return true;
  if (words[0] === 'npx') return words.slice(1).every((word) => NPX_FLAGS.has(word));
  return words.join(' ') === 'npm exec --' || words.join(' ') === 'exec';
}

/**
 * The `idflow` command lines of a shell script: `idflow …`, `npx idflow …` or `npm exec --
 * idflow …`. A line that mentions idflow as a word in any other form is a problem, as is a
 * variable assigned in front of the command: the checks must read every line they are shown.
 */
export function idflowInvocations(script: string): { invocations: IdflowInvocation[]; problems: string[] } {
  const invocations: IdflowInvocation[] = [];
  const problems: string[] = [];
  for (const { line, words } of shellCommands(script)) {
    const at = words.findIndex((word) => word === 'idflow' || word.endsWith('/idflow'));
    if (at < 0) continue;
    const assigned = words.slice(0, at).filter((word) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
    if (assigned.length) {
      const names = assigned.map((word) => word.slice(0, word.indexOf('=')));
      problems.push(
        `line ${line}: ${names.join(', ')} set on the idflow command line; set it in env/variables`,
      );
    } else if (!isLauncher(words.slice(0, at))) {
      problems.push(
        `line ${line}: "${words.join(' ')}" is not read as an idflow call; write npx idflow <command> …`,
      );
    } else invocations.push({ line, command: words[at + 1], args: words.slice(at + 2) });
  }
  return { invocations, problems };
}

/** The values a word can take: itself, or what the variable it names can hold. */
function wordValues(word: string, values: VariableValues): readonly string[] | string {
  const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(word)?.[1];
  if (variable === undefined) {
    return word.includes('$') ? `"${word}" mixes text and variables, which the checks cannot read` : [word];
  }
  return values(variable) ?? `the template does not say which values $${variable} holds`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks one idflow command line as idflow itself would parse it: the command exists, every
 * option is one it accepts (node:util parseArgs with the command's own option table, so an unknown
 * option, a missing value or a stray argument fails as it would at run time), each `--target` it
 * can be given is a registered target, `run`'s reporters can write its `--output-file`s, and no
 * `--env-var` carries a secret. Returns the problems and the report files a `run` writes.
 */
export function checkInvocation(
  invocation: IdflowInvocation,
  values: VariableValues,
): { problems: string[]; reports: ReportFile[] } {
  const where = `line ${invocation.line}: idflow ${invocation.command ?? ''}`.trimEnd();
  const options = invocation.command === undefined ? undefined : IDFLOW_COMMANDS[invocation.command];
  if (options === undefined) {
    const known = Object.keys(IDFLOW_COMMANDS).join(', ');
    return { problems: [`${where}: not an idflow command (idflow has ${known})`], reports: [] };
  }
  let parsed: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    parsed = parseOptions(invocation.args, options);
  } catch (error) {
    return { problems: [`${where}: ${message(error)}`], reports: [] };
  }
  const problems: string[] = [];
  const target = parsed.target;
  if (typeof target === 'string') {
    const candidates = wordValues(target, values);
    if (typeof candidates === 'string') problems.push(`${where} --target: ${candidates}`);
    else
      for (const candidate of candidates) {
        try {
          selectTargets(candidate);
        } catch (error) {
          problems.push(`${where} --target ${target}: ${message(error)}`);
        }
      }
  }
  for (const pair of strings(parsed['env-var'])) {
    const name = pair.split('=')[0] as string;
    if (isSecretVariable(name)) {
      problems.push(
        `${where} --env-var ${name}=…: a secret on the command line (process list, logs); set it in env`,
      );
    } else {
      const problem = variableProblem(name);
      if (problem) problems.push(`${where} --env-var: ${problem}`);
    }
  }
  const reports: ReportFile[] = [];
  if (invocation.command === 'run') {
    const written = strings(parsed['output-file']);
    try {
      checkReporters(strings(parsed.reporter, ['default']), outputFiles(written).outputFile);
    } catch (error) {
      problems.push(`${where}: ${message(error)}`);
    }
    for (const value of written) {
      const named = /^([a-z-]+)=(.+)$/.exec(value);
      reports.push(
        named ? { reporter: named[1], path: named[2] as string } : { reporter: undefined, path: value },
      );
    }
    // idflow's own reports (`--report junit=reports/junit.xml`; unnamed ones go to reports/<run id>/).
    try {
      for (const request of reportRequests(strings(parsed.report), { runId: '<run id>', env: {}, cwd: '/' }))
        reports.push({ reporter: request.kind, path: request.file.slice(1) });
    } catch (error) {
      problems.push(`${where}: ${message(error)}`);
    }
  }
  return { problems, reports };
}

function strings(value: unknown, fallback: string[] = []): string[] {
  return Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : fallback;
}
