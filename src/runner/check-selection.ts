import { stepInputs } from '../flow/step/execute-step.ts';
import type { ProbeDefinition } from '../flow/probe/probe.ts';
import type { StepDefinition } from '../flow/step/step.ts';

/** What `idflow run --step ID` (repeatable), `--grep PATTERN` and `--smoke` ask for. */
export interface SelectionRequest {
  readonly ids: readonly string[];
  readonly grep?: RegExp | undefined;
  readonly smoke: boolean;
}

/** One target's selection: what was chosen, and everything that runs for it. */
export interface TargetSelection {
  /** The steps and probes the request named or matched, in run order. */
  readonly chosen: readonly string[];
  /** The chosen ones and every step they depend on, in run order (teardown always runs). */
  readonly runs: readonly string[];
}

/** A target's steps (in run order) and probes, as its descriptor's catalogue gives them. */
export interface SelectableCatalogue {
  readonly steps: readonly StepDefinition[];
  readonly probes: readonly ProbeDefinition[];
}

/** The first step of the flow that captures each variable: the one a reader depends on. */
function producers(steps: readonly StepDefinition[]): Map<string, StepDefinition> {
  const byVariable = new Map<string, StepDefinition>();
  for (const step of steps)
    for (const capture of step.captures ?? [])
      if (!byVariable.has(capture.variable)) byVariable.set(capture.variable, step);
  return byVariable;
}

/**
 * The steps a step needs first: the producer of each `{{variable}}` it reads and each step it
 * declares it observes (`after`). A probe needs what its request and its `before` steps read,
 * and its documented step (a probe provokes a condition of a step that has run).
 */
function dependencies(
  subject: StepDefinition | ProbeDefinition,
  byVariable: ReadonlyMap<string, StepDefinition>,
  byId: ReadonlyMap<string, StepDefinition>,
): StepDefinition[] {
  const steps = 'stepId' in subject ? [subject.step, ...(subject.before ?? [])] : [subject];
  const needed = new Set<StepDefinition>();
  for (const step of steps) {
    for (const variable of stepInputs(step)) {
      const producer = byVariable.get(variable);
      if (producer !== undefined && producer.id !== step.id) needed.add(producer);
    }
    for (const id of step.after ?? []) {
      const observed = byId.get(id);
      if (observed === undefined) throw new Error(`step ${step.id} observes ${id}, which is not in the flow`);
      needed.add(observed);
    }
  }
  if ('stepId' in subject) {
    const documented = byId.get(subject.stepId);
    if (documented !== undefined) needed.add(documented);
  }
  return [...needed];
}

function matchesGrep(pattern: RegExp, subject: StepDefinition | ProbeDefinition): boolean {
  const words =
    'stepId' in subject ? [subject.id, subject.provoked, subject.bullet] : [subject.id, subject.title];
  return words.some((word) => pattern.test(word));
}

/**
 * Resolves a selection against one target's catalogue: the steps and probes named by id or
 * matched by the pattern (ids, titles, probe conditions), closed over their dependencies. A
 * `--smoke` run chooses no probe. Ids the catalogue does not hold are simply not chosen here:
 * the caller decides, over every target, whether an id named nothing.
 */
export function selectChecks(catalogue: SelectableCatalogue, request: SelectionRequest): TargetSelection {
  const byId = new Map(catalogue.steps.map((step) => [step.id, step]));
  const byVariable = producers(catalogue.steps);
  const candidates: Array<StepDefinition | ProbeDefinition> = [
    ...catalogue.steps,
    ...(request.smoke ? [] : catalogue.probes),
  ];
  const chosen = candidates.filter(
    (subject) =>
      request.ids.includes(subject.id) || (request.grep !== undefined && matchesGrep(request.grep, subject)),
  );
  const runs = new Set<string>();
  const visit = (subject: StepDefinition | ProbeDefinition): void => {
    if (runs.has(subject.id)) return;
    runs.add(subject.id);
    for (const step of dependencies(subject, byVariable, byId)) visit(step);
  };
  for (const subject of chosen) visit(subject);
  return {
    chosen: chosen.map((subject) => subject.id),
    runs: candidates.filter((subject) => runs.has(subject.id)).map((subject) => subject.id),
  };
}
