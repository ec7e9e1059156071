import { postmanRequest, type PostmanRequest } from './request-definition.ts';
import { preRequestScript, testScript } from './step-scripts.ts';
import type { PlannedRequest } from './probe-requests.ts';

/** A request item of the collection (v2.1), as postman-collection's `Item` reads it. */
export interface RequestItem {
  readonly name: string;
  readonly description?: string;
  readonly request: PostmanRequest;
  readonly event: readonly ScriptEvent[];
}

/** A pre-request or test script. */
export interface ScriptEvent {
  readonly listen: 'prerequest' | 'test';
  readonly script: { readonly type: 'text/javascript'; readonly exec: readonly string[] };
}

/** A script event from its lines. */
export function scriptEvent(listen: ScriptEvent['listen'], exec: readonly string[]): ScriptEvent {
  return { listen, script: { type: 'text/javascript', exec } };
}

/** How the item is named: the step id first, so a failure names the step (and its probe). */
function itemName(planned: PlannedRequest): string {
  const { step, probe } = planned;
  if (probe === undefined || probe === step.id) return `${step.id}: ${step.title}`;
  return `${probe} ← ${step.id}: ${step.title}`;
}

/**
 * The item that sends one planned request: its pre-request script (skip when an input is
 * missing, the probe's guards, the computed values, and `start` lines for the first request of
 * a run), and its test script (expectations, checks, captures).
 */
export function requestItem(planned: PlannedRequest, start: readonly string[] = []): RequestItem {
  const { step } = planned;
  const description = [
    ...(step.docs ? [`Docs: ${step.docs}`] : []),
    ...(planned.probe && planned.probe !== step.id ? [`Prepares the probe ${planned.probe}.`] : []),
  ].join('\n\n');
  return {
    name: itemName(planned),
    ...(description ? { description } : {}),
    request: postmanRequest(step.request),
    event: [
      scriptEvent('prerequest', [...start, ...preRequestScript(step, planned.guards)]),
      scriptEvent('test', [...testScript(step), ...(planned.record ?? [])]),
    ],
  };
}
