import { requestInputs } from '../step/build-request.ts';
import { captureValue } from '../step/captures.ts';
import { RUN_PREFIX } from './run-id.ts';
import { variablesInValue } from '../step/template.ts';
import type { HttpResponse } from '../../http/types.ts';
import type { LedgerEntry } from './ledger.ts';
import type { Cleanup, StepDefinition } from '../step/step.ts';
import type { RunVariables } from '../step/variables.ts';

/** A captured id: a non-empty string or a number; anything else names nothing to delete. */
function usableId(value: unknown): string | number | undefined {
  if (typeof value === 'string' && value !== '') return value;
  return typeof value === 'number' ? value : undefined;
}

/** The last path segment of the answer's `Location`, raw (teardown decides whether it is safe). */
function locationId(response: HttpResponse): string | undefined {
  const location = response.headers.location;
  if (!location) return undefined;
  let path: string;
  try {
    path = new URL(location, 'http://location.invalid').pathname;
  } catch {
    return undefined;
  }
  const segments = path.split('/').filter((segment) => segment !== '');
  return segments.at(-1);
}

/** The name the run gave what the step creates: the first value its body sends tagged with the run prefix. */
export function givenName(step: StepDefinition, vars: RunVariables): string | undefined {
  const body = step.request.body;
  const names = body && 'json' in body ? variablesInValue(body.json) : [];
  const values = names.map((name) => vars.get(name));
  return values.find(
    (value): value is string => typeof value === 'string' && value.startsWith(`${RUN_PREFIX}-`),
  );
}

/**
 * The ledger entry for what `step`'s answer shows it created, whatever its checks say later: a
 * 2xx whose body holds the ids the cleanup needs (at the step's capture pointers) or, for an id
 * missing there, whose `Location` ends in one. Ids are kept raw: teardown refuses to put one
 * that is not a safe path segment into a URL, and names it. A 2xx without any id gives an
 * `unidentified` entry holding the name the run sent. Undefined when the answer is not a 2xx;
 * secrets are never frozen into the entry.
 */
export function createdResource(
  step: StepDefinition,
  cleanup: Cleanup,
  response: HttpResponse,
  vars: RunVariables,
): LedgerEntry | undefined {
  if (response.status < 200 || response.status > 299) return undefined;
  const needed = new Set([
    ...requestInputs(cleanup.request),
    ...(cleanup.confirmGone ? requestInputs(cleanup.confirmGone) : []),
  ]);
  const values: Record<string, unknown> = {};
  let location = locationId(response);
  for (const capture of step.captures ?? []) {
    if (!needed.has(capture.variable) || capture.secret) continue;
    if (capture.keepExisting && vars.has(capture.variable)) continue;
    let id = usableId(captureValue(capture, response));
    if (id === undefined && location !== undefined) [id, location] = [location, undefined];
    if (id === undefined) {
      // Created, but the answer hides what: kept with its name so it is named at the end, never sent.
      const name = givenName(step, vars);
      return name === undefined ? undefined : { stepId: step.id, cleanup, values: {}, unidentified: name };
    }
    values[capture.variable] = id;
  }
  for (const name of needed) {
    if (Object.hasOwn(values, name)) continue;
    if (vars.origin(name)?.secret) continue;
    if (!vars.has(name)) return undefined;
    values[name] = vars.get(name);
  }
  return { stepId: step.id, cleanup, values };
}
