import type { EmulatorRequest } from './types.ts';

export type BodyParseProblem = 'empty' | 'malformed-json' | 'not-an-object';

/**
 * The request body could not be read as the handler needs it. Target emulators map it to their
 * own error body (400 with the vendor's invalid-request code).
 */
export class BodyParseError extends Error {
  readonly problem: BodyParseProblem;

  constructor(problem: BodyParseProblem, message: string) {
    super(message);
    this.name = 'BodyParseError';
    this.problem = problem;
  }
}

/** Parses the body as JSON; throws `BodyParseError` for an empty or malformed body. */
export function parseJsonBody(req: EmulatorRequest): unknown {
  const text = req.rawBody.toString('utf8');
  if (text.trim() === '')
    throw new BodyParseError('empty', 'The request body is empty; a JSON document was expected.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BodyParseError('malformed-json', `The request body is not valid JSON: ${reason}`);
  }
}

/** Parses the body as a JSON object (not an array or a scalar). */
export function parseJsonObject(req: EmulatorRequest): Record<string, unknown> {
  const value = parseJsonBody(req);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BodyParseError('not-an-object', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** Parses an `application/x-www-form-urlencoded` body. */
export function parseFormBody(req: EmulatorRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody.toString('utf8'));
}

/** The media type of a Content-Type header value, without parameters, lower-cased. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
