import type { EmulatorResponse } from './types.ts';

/**
 * A response thrown from deep inside a handler (a validation helper, a lookup) instead of being
 * returned through every caller. An error-mapping middleware turns it back into the response.
 */
export class EmulatorHttpError extends Error {
  readonly response: EmulatorResponse;

  constructor(response: EmulatorResponse) {
    super(`emulator response ${response.status}`);
    this.name = 'EmulatorHttpError';
    this.response = response;
  }
}
