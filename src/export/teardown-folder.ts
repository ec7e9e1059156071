import { requestInputs } from '../flow/step/build-request.ts';
import { postmanRequest } from './request-definition.ts';
import { scriptEvent, type RequestItem } from './request-item.ts';
import { HELPERS_LINE } from './helpers-script.ts';
import { literal } from './script-literal.ts';
import type { StepDefinition } from '../flow/step/step.ts';

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
export function teardownFolder(created: readonly StepDefinition[]): TeardownFolder {
  const item = [...created].reverse().flatMap((step): RequestItem[] => {
    const cleanup = step.cleanup;
    if (!cleanup) return [];
    const statuses = cleanup.okStatuses;
    return [
      {
        name: `99-teardown: ${cleanup.description} (${step.id})`,
        request: postmanRequest(cleanup.request),
        event: [
          scriptEvent('prerequest', [
            HELPERS_LINE,
            `idflow.needs(${literal(requestInputs(cleanup.request))});`,
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
