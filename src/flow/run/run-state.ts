import type { StepDefinition } from '../step/step.ts';

export type StepStatus = 'passed' | 'failed' | 'skipped';

/**
 * What happened to each step so far, and which step produces which variable, so that a step
 * whose input is missing can say why: "needs envID from 03-create-environment, which failed".
 */
export class RunState {
  readonly #status = new Map<string, StepStatus>();
  readonly #producers = new Map<string, string>();

  /** Declares the target's steps, in flow order, so producers are known before anything runs. */
  constructor(catalogue: readonly StepDefinition[]) {
    for (const step of catalogue) {
      for (const capture of step.captures ?? []) {
        if (!this.#producers.has(capture.variable)) this.#producers.set(capture.variable, step.id);
      }
    }
  }

  record(stepId: string, status: StepStatus): void {
    this.#status.set(stepId, status);
  }

  status(stepId: string): StepStatus | undefined {
    return this.#status.get(stepId);
  }

  producerOf(variable: string): string | undefined {
    return this.#producers.get(variable);
  }

  /** Why a step cannot run, given the variables it lacks. */
  skipReason(missing: readonly string[]): string {
    const parts = missing.map((variable) => {
      const producer = this.#producers.get(variable);
      if (!producer) return `${variable}, which nothing in this run provides (check the configuration)`;
      const status = this.#status.get(producer);
      const what =
        status === 'failed'
          ? 'which failed'
          : status === 'skipped'
            ? 'which was skipped'
            : 'which has not run';
      return `${variable} from ${producer}, ${what}`;
    });
    return `needs ${parts.join('; ')}`;
  }
}
