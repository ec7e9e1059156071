import type { TestContext } from 'vitest';
import type { FlowSession } from '../flow/run/session.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** The run id the step's session tags what it creates with (`idflow-<run id>`). */
    runId?: string;
    /** The HTTP status of the step's final answer, when it got one. */
    httpStatus?: number;
  }
}

/** Records on the test which run it belongs to, before its step is sent. */
export function recordRunId(context: TestContext, session: FlowSession): void {
  const runId = session.vars.get('runId');
  if (typeof runId === 'string') context.task.meta.runId = runId;
}

/** Records the HTTP status the step's answer carried, for the progress lines and reports. */
export function recordStatus(context: TestContext, status: number | undefined): void {
  if (status !== undefined) context.task.meta.httpStatus = status;
}
