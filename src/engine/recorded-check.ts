import type { TaskMeta } from 'vitest';
import { CheckSkipped, isCheckSkip, type CheckContext } from '../flow/run/check-context.ts';
import type { CheckAnnotation, CheckResultView, CheckView } from '../flow/run/check-view.ts';

/** vitest's default annotation type, kept so every report reads the same either way. */
const NOTICE = 'notice';

/**
 * One step, probe or teardown run by idflow's scheduler: it gives the check's work a
 * {@link CheckContext} and keeps what happened in the shape the summaries and reports read
 * ({@link CheckView}), as vitest keeps a test case.
 */
export class RecordedCheck implements CheckView {
  readonly name: string;
  readonly project: { readonly name: string };
  readonly parent: { readonly type: string };
  readonly #meta: TaskMeta = {};
  readonly #annotations: CheckAnnotation[] = [];
  #result: CheckResultView = { state: 'pending' };
  #startTime: number | undefined;
  #duration = 0;

  constructor(options: { readonly name: string; readonly target: string; readonly inGroup: boolean }) {
    this.name = options.name;
    this.project = { name: options.target };
    this.parent = { type: options.inGroup ? 'suite' : 'module' };
  }

  /** Runs `work` as this check: it passes when `work` resolves, is skipped when it skips, else fails. */
  async run(work: (context: CheckContext) => Promise<unknown>): Promise<void> {
    const context: CheckContext = {
      task: { meta: this.#meta },
      skip: (note?: string) => {
        throw new CheckSkipped(note);
      },
      annotate: (message: string, type: string = NOTICE) => {
        this.#annotations.push({ type, message });
        return Promise.resolve();
      },
    };
    this.#startTime = performance.timeOrigin + performance.now();
    const started = performance.now();
    try {
      await work(context);
      this.#result = { state: 'passed' };
    } catch (error) {
      this.#result = isCheckSkip(error)
        ? { state: 'skipped', note: (error as { note?: string }).note }
        : { state: 'failed', errors: [error] };
    } finally {
      this.#duration = performance.now() - started;
    }
  }

  /** Reports the check skipped without running it (`--bail` reached, an interrupted run). */
  skip(note: string): void {
    this.#result = { state: 'skipped', note };
  }

  result(): CheckResultView {
    return this.#result;
  }

  meta(): TaskMeta {
    return this.#meta;
  }

  annotations(): readonly CheckAnnotation[] {
    return this.#annotations;
  }

  diagnostic(): { readonly startTime: number; readonly duration: number } | undefined {
    return this.#startTime === undefined
      ? undefined
      : { startTime: this.#startTime, duration: this.#duration };
  }
}
