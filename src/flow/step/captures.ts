import { resolvePointer } from './json-pointer.ts';
import type { HttpResponse } from '../../http/types.ts';

/**
 * A value a later step needs, taken from a response. `select` picks one item of an array by
 * field values (the first ACTIVE license); `keepExisting` leaves a configured value alone.
 */
export interface Capture {
  readonly variable: string;
  /** JSON pointer into the body, or into the selected item when `select` is given. */
  readonly pointer: string;
  readonly select?: { readonly list: string; readonly where: Readonly<Record<string, unknown>> };
  readonly secret?: boolean;
  readonly keepExisting?: boolean;
  /**
   * The value is an id of the tenant (envID, sharedUserID, userID…) that later URLs carry: it is
   * kept only when well-formed (a UUID, see id-format.ts), else the step fails saying so.
   */
  readonly id?: boolean;
  /** No later step needs it (it is captured to be known, a secret to redact): absent is fine. */
  readonly optional?: boolean;
}

/** Reads a capture's value from a response; undefined when the response does not hold it. */
export function captureValue(capture: Capture, response: HttpResponse): unknown {
  if (!capture.select) return resolvePointer(response.json, capture.pointer);
  const list = resolvePointer(response.json, capture.select.list);
  if (!Array.isArray(list)) return undefined;
  const where = Object.entries(capture.select.where);
  const item = list.find((candidate) =>
    where.every(([pointer, value]) => resolvePointer(candidate, pointer) === value),
  );
  return item === undefined ? undefined : resolvePointer(item, capture.pointer);
}
