import type { ProbeDefinition } from '../flow/probe/probe.ts';

/**
 * Whether a probe may change or observe what the flow's later steps change: it creates things
 * of its own first (`before` steps: devices, wrong codes, a locked user), or it expects the
 * tenant to accept its call (an actor allowed to write, or to read the shared user). Such a probe
 * runs where the suites run it: after its file's steps, before the next file's. A probe that
 * only provokes a refusal (a 4xx, before any state is touched) depends on nothing but its step's
 * outputs, so it runs as soon as they exist, beside the rest of the flow.
 */
export function probeTouchesState(probe: ProbeDefinition): boolean {
  return (probe.before?.length ?? 0) > 0 || probe.step.expect.status < 400;
}
