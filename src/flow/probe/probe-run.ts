import { buildRequest, requestInputs } from '../step/build-request.ts';
import { isDeadlineError } from '../run/deadline-gate.ts';
import { pollUntil } from '../step/poll.ts';
import type { ExpiredTokenSource, ProbeDefinition } from './probe.ts';
import type { FlowSession } from '../run/session.ts';
import type { StepDefinition } from '../step/step.ts';

/** Whether a probe can be sent now, or the named reason it is skipped. */
export type ProbeReadiness =
  /** `step` is the probe's step with the computed values it sends: the one to run. */
  | { readonly ready: true; readonly step: StepDefinition }
  | { readonly ready: false; readonly reason: string };

const notReady = (reason: string): ProbeReadiness => ({ ready: false, reason });

/** One wait per session and token source, shared by every probe that needs an expired token. */
const expiredTokens = new WeakMap<FlowSession, Map<string, Promise<string | undefined>>>();

/** Waits until the tenant refuses a token of `source`; the reason the probe is skipped otherwise. */
async function waitForExpiry(session: FlowSession, source: ExpiredTokenSource): Promise<string | undefined> {
  const run = await session.run(source.tokenStep);
  if (run.status === 'skipped') return run.reason;
  const expiresIn = Number(session.vars.get(source.expiresInVariable));
  if (!Number.isFinite(expiresIn) || expiresIn > source.maxWaitSeconds) {
    return (
      `an expired token cannot be forged (tokens are signed by the tenant), and this tenant's tokens live ${expiresIn} s ` +
      `(expires_in); tokens living at most ${source.maxWaitSeconds} s are waited out. To provoke it, run against an ` +
      `emulator with a short TTL (idflow emulator --token-ttl 5)`
    );
  }
  // Ask until the tenant itself says the token is no longer valid, within its lifetime plus a margin.
  const request = buildRequest(source.check, session.vars.lookup);
  try {
    await pollUntil(
      () => session.context.client.send(request),
      (response) => response.status === 401,
      {
        deadlineMs: (expiresIn + 10) * 1000,
        intervalMs: 500,
      },
    );
  } catch (error) {
    // Every probe sharing this wait would fail with the same error; they are skipped instead,
    // and the run still fails: the next step the session starts is the deadline's failure.
    if (isDeadlineError(error))
      return 'not run: the whole-run deadline (--deadline) passed while an expired token was awaited';
    throw error;
  }
  return undefined;
}

function expiredToken(session: FlowSession, source: ExpiredTokenSource): Promise<string | undefined> {
  let bySource = expiredTokens.get(session);
  if (!bySource) expiredTokens.set(session, (bySource = new Map()));
  let waiting = bySource.get(source.tokenStep.id);
  if (!waiting) bySource.set(source.tokenStep.id, (waiting = waitForExpiry(session, source)));
  return waiting;
}

/**
 * `step` with the probe's computed values its request uses added to its `derive`, so they are
 * computed just before it is sent (and a missing input skips it, naming what is missing).
 */
function withProbeValues(probe: ProbeDefinition, step: StepDefinition): StepDefinition {
  const used = new Set(requestInputs(step.request));
  const values = (probe.values ?? []).filter((value) => used.has(value.variable));
  return values.length === 0 ? step : { ...step, derive: [...(step.derive ?? []), ...values] };
}

/**
 * Gets a probe ready to send: a named skip when it cannot be provoked here or its actor is not
 * configured; otherwise waits for an expired token when it needs one, gets its actor a fresh
 * token, runs its `before` steps in order through the session (so what they create is in the
 * ledger), each with the probe's computed values its request uses, and returns the probe's step
 * with those it uses (computed as it is sent). A `before` step that fails throws its
 * StepFailedError, so the probe fails with that step's evidence.
 */
export async function prepareProbe(probe: ProbeDefinition, session: FlowSession): Promise<ProbeReadiness> {
  if (probe.skip) return notReady(probe.skip);
  const actor = probe.actor;
  if (actor && session.vars.missing(actor.variables).length > 0) {
    return notReady(`needs ${actor.name}, which is not configured: set ${actor.configuredBy.join(' and ')}`);
  }
  if (probe.expiredToken) {
    const reason = await expiredToken(session, probe.expiredToken);
    if (reason !== undefined) return notReady(reason);
  }
  const steps = [...(actor?.tokenStep ? [actor.tokenStep] : []), ...(probe.before ?? [])];
  for (const step of steps) {
    const run = await session.run(withProbeValues(probe, step));
    if (run.status === 'skipped') return notReady(run.reason);
  }
  const step = withProbeValues(probe, probe.step);
  const blocked = session.blockedReason(step);
  return blocked === undefined ? { ready: true, step } : notReady(blocked);
}
