import { buildRequest, requestInputs } from './build-request.ts';
import { isDeadlineError } from './deadline-gate.ts';
import { pollUntil } from './poll.ts';
import { computeProbeValue, probeValueInput } from './probe-values.ts';
import type { ExpiredTokenSource, ProbeDefinition } from './probe.ts';
import type { FlowSession } from './session.ts';
import type { StepDefinition } from './step.ts';

/** Whether a probe can be sent now, or the named reason it is skipped. */
export type ProbeReadiness = { readonly ready: true } | { readonly ready: false; readonly reason: string };

const READY: ProbeReadiness = { ready: true };
const notReady = (reason: string): ProbeReadiness => ({ ready: false, reason });

/** One wait per session and token source, shared by every probe that needs an expired token. */
const expiredTokens = new WeakMap<FlowSession, Map<string, Promise<ProbeReadiness>>>();

async function waitForExpiry(session: FlowSession, source: ExpiredTokenSource): Promise<ProbeReadiness> {
  const run = await session.run(source.tokenStep);
  if (run.status === 'skipped') return notReady(run.reason);
  const expiresIn = Number(session.vars.get(source.expiresInVariable));
  if (!Number.isFinite(expiresIn) || expiresIn > source.maxWaitSeconds) {
    return notReady(
      `an expired token cannot be forged (tokens are signed by the tenant), and this tenant's tokens live ${expiresIn} s ` +
        `(expires_in); tokens living at most ${source.maxWaitSeconds} s are waited out. To provoke it, run against an ` +
        `emulator with a short TTL (idflow emulator --token-ttl 5)`,
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
      return notReady(
        'not run: the whole-run deadline (--deadline) passed while an expired token was awaited',
      );
    throw error;
  }
  return READY;
}

function expiredToken(session: FlowSession, source: ExpiredTokenSource): Promise<ProbeReadiness> {
  let bySource = expiredTokens.get(session);
  if (!bySource) expiredTokens.set(session, (bySource = new Map()));
  let waiting = bySource.get(source.tokenStep.id);
  if (!waiting) bySource.set(source.tokenStep.id, (waiting = waitForExpiry(session, source)));
  return waiting;
}

/** Computes the probe values `step` sends; a value whose input is missing makes the probe skip. */
function computeValuesFor(
  probe: ProbeDefinition,
  step: StepDefinition,
  session: FlowSession,
): ProbeReadiness {
  const used = new Set(requestInputs(step.request));
  for (const value of probe.values ?? []) {
    if (!used.has(value.variable)) continue;
    const missing = session.vars.missing([probeValueInput(value)]);
    if (missing.length > 0) return notReady(session.state.skipReason(missing));
    const computed = computeProbeValue(value, session.vars.lookup);
    session.vars.set(value.variable, computed.value, { from: probe.id, secret: computed.secret });
  }
  return READY;
}

/**
 * Gets a probe ready to send: a named skip when it cannot be provoked here or its actor is not
 * configured; otherwise waits for an expired token when it needs one, gets its actor a fresh
 * token, runs its `before` steps in order through the session (so what they create is in the
 * ledger) and computes the values each request uses. A `before` step that fails throws its
 * StepFailedError, so the probe fails with that step's evidence.
 */
export async function prepareProbe(probe: ProbeDefinition, session: FlowSession): Promise<ProbeReadiness> {
  if (probe.skip) return notReady(probe.skip);
  const actor = probe.actor;
  if (actor && session.vars.missing(actor.variables).length > 0) {
    return notReady(`needs ${actor.name}, which is not configured: set ${actor.configuredBy.join(' and ')}`);
  }
  if (probe.expiredToken) {
    const readiness = await expiredToken(session, probe.expiredToken);
    if (!readiness.ready) return readiness;
  }
  const steps = [...(actor?.tokenStep ? [actor.tokenStep] : []), ...(probe.before ?? [])];
  for (const step of steps) {
    const values = computeValuesFor(probe, step, session);
    if (!values.ready) return values;
    const run = await session.run(step);
    if (run.status === 'skipped') return notReady(run.reason);
  }
  return computeValuesFor(probe, probe.step, session);
}
