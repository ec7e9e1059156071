import { requestInputs } from '../flow/step/build-request.ts';
import { literal } from './script-literal.ts';
import type { ProbeDefinition } from '../flow/probe/probe.ts';
import type { StepDefinition } from '../flow/step/step.ts';

/** One request of the collection: the step it sends, and what its scripts add for a probe. */
export interface PlannedRequest {
  readonly step: StepDefinition;
  /** The probe it belongs to, when it is one or prepares one. */
  readonly probe?: string;
  /** Conditions (helper calls) that must hold before it is sent; each skips it with a reason. */
  readonly guards?: readonly string[];
  /** Test-script lines after its checks. */
  readonly record?: readonly string[];
}

/** `step` with the probe's values its request uses computed just before it is sent. */
function withValues(probe: ProbeDefinition, step: StepDefinition): StepDefinition {
  const used = new Set(requestInputs(step.request));
  const values = (probe.values ?? []).filter((value) => used.has(value.variable));
  return values.length === 0 ? step : { ...step, derive: [...(step.derive ?? []), ...values] };
}

/** Skips the request when the probe's actor is not configured, naming what to set. */
function actorGuard(probe: ProbeDefinition): string[] {
  const actor = probe.actor;
  if (!actor) return [];
  const why = `needs ${actor.name}, which is not configured: set ${actor.configuredBy.join(' and ')}`;
  return [`idflow.needs(${literal(actor.variables)}, ${literal(why)})`];
}

const expiresAtOf = (tokenVariable: string): string => `${tokenVariable}ExpiresAt`;

/** Waits out a short-lived token; one living longer than the probe may wait is a named skip. */
function expiryGuard(probe: ProbeDefinition): string[] {
  const source = probe.expiredToken;
  if (!source) return [];
  const why =
    `an expired token cannot be forged, and this tenant's tokens live longer than ${source.maxWaitSeconds} s ` +
    '(expires_in); run against an emulator with a short TTL (idflow emulator --token-ttl 5)';
  const names = `${literal(source.expiresInVariable)}, ${literal(expiresAtOf(source.tokenVariable))}`;
  return [`idflow.expired(${names}, ${source.maxWaitSeconds}, ${literal(why)})`];
}

/**
 * The requests a probe sends, in order: its actor's token request, the token it waits out
 * (once per collection: `seen` holds the steps already planned), its `before` steps, then the
 * probe itself. A probe that cannot be provoked safely (`skip`) sends nothing.
 */
export function probeRequests(probe: ProbeDefinition, seen: Set<string>): PlannedRequest[] {
  if (probe.skip) return [];
  const guards = actorGuard(probe);
  const requests: PlannedRequest[] = [];
  if (probe.actor?.tokenStep)
    requests.push({ step: withValues(probe, probe.actor.tokenStep), probe: probe.id, guards });
  const source = probe.expiredToken;
  if (source && !seen.has(source.tokenStep.id)) {
    seen.add(source.tokenStep.id);
    const names = `${literal(source.expiresInVariable)}, ${literal(expiresAtOf(source.tokenVariable))}`;
    requests.push({
      step: source.tokenStep,
      probe: probe.id,
      record: [`if (pm.response.code === ${source.tokenStep.expect.status}) idflow.expiresAt(${names});`],
    });
  }
  for (const step of probe.before ?? [])
    requests.push({ step: withValues(probe, step), probe: probe.id, guards });
  requests.push({
    step: withValues(probe, probe.step),
    probe: probe.id,
    guards: [...guards, ...expiryGuard(probe)],
  });
  return requests;
}
