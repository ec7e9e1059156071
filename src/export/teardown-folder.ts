import { requestInputs } from '../flow/step/build-request.ts';
import { postmanRequest } from './request-definition.ts';
import { scriptEvent, type RequestItem } from './request-item.ts';
import { HELPERS_LINE } from './helpers-script.ts';
import { literal } from './script-literal.ts';
import type { RequestTemplate, StepDefinition } from '../flow/step/step.ts';
import type { DeleteGuard } from './export-plan.ts';

/** A guard's read as the helpers send it: method, URL and headers as templates, a bearer token a header. */
function readSpec(read: RequestTemplate): Record<string, unknown> {
  if (read.auth.type === 'basic') throw new Error('a delete guard reads with a bearer token or none');
  const auth = read.auth.type === 'bearer' ? { Authorization: `Bearer ${read.auth.token}` } : {};
  return { method: read.method, url: read.url, headers: { ...auth, ...read.headers } };
}

/** The folder that deletes what the run created. */
export interface TeardownFolder {
  readonly name: '99-teardown';
  readonly description: string;
  readonly item: readonly RequestItem[];
}

/**
 * `99-teardown`: a DELETE for each step that creates something, newest first, each sent only
 * when the step's run made what it deletes (the variables it names are set) and passing on any
 * status that means gone.
 */
export function teardownFolder(
  created: readonly StepDefinition[],
  guards: Readonly<Record<string, DeleteGuard>> = {},
): TeardownFolder {
  const item = [...created].reverse().flatMap((step): RequestItem[] => {
    const cleanup = step.cleanup;
    if (!cleanup) return [];
    const statuses = cleanup.okStatuses;
    const guard = guards[step.id];
    const needs = `idflow.needs(${literal(requestInputs(cleanup.request))})`;
    return [
      {
        name: `99-teardown: ${cleanup.description} (${step.id})`,
        request: postmanRequest(cleanup.request),
        event: [
          scriptEvent('prerequest', [
            HELPERS_LINE,
            guard
              ? `if (${needs}) idflow.deleteOnlyIf(${literal(readSpec(guard.read))}, ${literal(guard.equals)}, ${literal(guard.why)});`
              : `${needs};`,
          ]),
          scriptEvent('test', [
            HELPERS_LINE,
            `pm.test(${literal(`deleted (${statuses.join(' or ')})`)}, function () { idflow.statusIn(${literal(statuses)}); });`,
          ]),
        ],
      },
    ];
  });
  return {
    name: '99-teardown',
    description:
      'Deletes what this run created, newest first; a resource the run did not create is not asked for.',
    item,
  };
}
