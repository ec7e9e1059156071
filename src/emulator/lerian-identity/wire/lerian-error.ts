import { EmulatorHttpError } from '../../http/index.ts';
import type { EmulatorResponse } from '../../http/index.ts';
import { AUT, IDE } from './error-catalogue.ts';
import type { AutCode, ErrorDefinition, IdeCode } from './error-catalogue.ts';

/** Extra parts of an ErrorMessage: the `%s` argument and the per-field `fields` object. */
export interface ErrorExtras {
  readonly argument?: string;
  readonly fields?: Readonly<Record<string, string>>;
}

function errorBody(code: string, definition: ErrorDefinition, extras: ErrorExtras): EmulatorResponse {
  const message = definition.message.replace('%s', extras.argument ?? '');
  return {
    status: definition.status,
    headers: { 'content-type': 'application/json' },
    body: { code, title: definition.title, message, ...(extras.fields ? { fields: extras.fields } : {}) },
  };
}

/** An Identity `ErrorMessage` response: `{code: "IDE-NNNN", title, message[, fields]}`. */
export function identityError(code: IdeCode, extras: ErrorExtras = {}): EmulatorResponse {
  return errorBody(`IDE-${code}`, IDE[code], extras);
}

/** An Auth `ErrorMessage` response: `{code: "AUT-NNNN", title, message[, fields]}`. */
export function authError(code: AutCode, extras: ErrorExtras = {}): EmulatorResponse {
  return errorBody(`AUT-${code}`, AUT[code], extras);
}

/** Throws `response` for the error-mapping middleware to send. */
export function refuse(response: EmulatorResponse): never {
  throw new EmulatorHttpError(response);
}
