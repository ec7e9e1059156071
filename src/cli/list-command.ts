import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { parseOptions, type CommandOptions } from './parse-options.ts';
import { selectTargets } from './select-targets.ts';
import type { ProbeDefinition } from '../flow/probe/probe.ts';
import type { Source } from '../flow/step/source.ts';
import type { StepDefinition } from '../flow/step/step.ts';

/** One check a run makes: a step of the flow or a troubleshooting probe. */
export interface ListedCheck {
  readonly target: string;
  readonly kind: 'step' | 'probe';
  readonly id: string;
  /** The step's title, or how the probe provokes its condition. */
  readonly title: string;
  /** `METHOD url`, as the docs write it (`{{variables}}` unfilled). */
  readonly request: string;
  /** The expected answer in words: `201 acme/user`, `404 NOT_FOUND`. */
  readonly expected: string;
  /** Where the expected status and body come from: a page or OAS pointer, or `inferred: why`. */
  readonly source?: string;
  /** Why it never runs here, for a probe that cannot be provoked safely. */
  readonly skip?: string;
}

function describeSource(source: Source | undefined): string | undefined {
  if (source === undefined) return undefined;
  return source.kind === 'documented' ? source.ref : `inferred: ${source.reason}`;
}

function stepEntry(target: string, step: StepDefinition): ListedCheck {
  const answer = `${step.expect.status}${step.expect.schema ? ` ${step.expect.schema}` : ''}`;
  const source = describeSource(step.expect.source);
  return {
    target,
    kind: 'step',
    id: step.id,
    title: step.title,
    request: `${step.request.method} ${step.request.url}`,
    expected: [answer, ...(step.alternatives ?? []).map((other) => other.summary)].join(' or '),
    ...(source === undefined ? {} : { source }),
  };
}

function probeEntry(target: string, probe: ProbeDefinition): ListedCheck {
  const source = describeSource(probe.step.expect.source);
  return {
    target,
    kind: 'probe',
    id: probe.id,
    title: probe.provoked,
    request: `${probe.step.request.method} ${probe.step.request.url}`,
    expected: probe.expected,
    ...(source === undefined ? {} : { source }),
    ...(probe.skip ? { skip: probe.skip } : {}),
  };
}

/** Every step and probe of the selected targets, in run order. */
export function listChecks(targetName: string | undefined): ListedCheck[] {
  return selectTargets(targetName).flatMap((target) => {
    const { steps, probes } = target.catalogue();
    return [
      ...steps.map((step) => stepEntry(target.name, step)),
      ...probes.map((probe) => probeEntry(target.name, probe)),
    ];
  });
}

function textOf(checks: readonly ListedCheck[]): string {
  const lines: string[] = [];
  let target: string | undefined;
  for (const check of checks) {
    if (check.target !== target) {
      target = check.target;
      lines.push(`${lines.length ? '\n' : ''}${target}`);
    }
    lines.push(`  ${check.kind === 'probe' ? 'probe' : 'step '} ${check.id}`);
    lines.push(`        ${check.request}`);
    lines.push(`        -> ${check.skip ? `skipped: ${check.skip}` : check.expected}`);
    if (check.source) lines.push(`        source: ${check.source}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The options `idflow list` accepts (the pipeline templates' tests read them too). */
export const LIST_OPTIONS = {
  target: { type: 'string' },
  json: { type: 'boolean', default: false },
} satisfies CommandOptions;

/**
 * `idflow list [--target T] [--json]`: every step and probe a run makes, with its id, request,
 * expected answer and the source of that expectation. Reads no configuration, sends nothing.
 */
export async function listCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(argv, LIST_OPTIONS);
  const checks = listChecks(options.target);
  process.stdout.write(options.json ? `${JSON.stringify(checks, null, 2)}\n` : textOf(checks));
  return EXIT.passed;
}
