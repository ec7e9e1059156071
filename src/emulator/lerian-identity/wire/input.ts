import { BodyParseError, parseJsonObject } from '../../http/index.ts';
import type { EmulatorRequest, EmulatorResponse } from '../../http/index.ts';
import { authError, identityError, refuse } from './lerian-error.ts';

/** How a service words each kind of unusable input. */
export interface InputFamily {
  malformed(reason: string): EmulatorResponse;
  unexpected(fields: Record<string, string>): EmulatorResponse;
  missing(fields: Record<string, string>): EmulatorResponse;
  invalidType(fields: Record<string, string>): EmulatorResponse;
}

export const IDENTITY_INPUT: InputFamily = {
  malformed: (reason) => identityError('0007', { fields: { body: reason } }),
  unexpected: (fields) => identityError('0004', { fields }),
  missing: (fields) => identityError('0001', { fields }),
  invalidType: (fields) => identityError('0002', { fields }),
};

export const AUTH_INPUT: InputFamily = {
  malformed: (reason) => authError('0009', { fields: { body: reason } }),
  unexpected: (fields) => authError('0003', { fields }),
  missing: (fields) => authError('0001', { fields }),
  invalidType: (fields) => authError('0009', { fields }),
};

export type FieldType = 'string' | 'boolean' | 'string[]';

/** The fields a body may hold, their types, and which of them must be non-empty. */
export interface InputShape {
  readonly fields: Readonly<Record<string, FieldType>>;
  readonly required?: readonly string[];
  /** An empty body counts as `{}` (for calls whose fields are all optional). */
  readonly emptyIsObject?: boolean;
}

function hasType(value: unknown, type: FieldType): boolean {
  if (type === 'string[]') return Array.isArray(value) && value.every((item) => typeof item === 'string');
  return typeof value === type;
}

function readObject(req: EmulatorRequest, shape: InputShape, family: InputFamily): Record<string, unknown> {
  if (shape.emptyIsObject && req.rawBody.toString('utf8').trim() === '') return {};
  try {
    return parseJsonObject(req);
  } catch (error) {
    if (error instanceof BodyParseError) refuse(family.malformed(error.message));
    throw error;
  }
}

/**
 * Reads a JSON body the way the Access Manager checks it: malformed JSON first, then fields it
 * does not know, then required fields that are absent or empty, then wrongly typed values.
 */
export function readInput(
  req: EmulatorRequest,
  shape: InputShape,
  family: InputFamily,
): Record<string, unknown> {
  const body = readObject(req, shape, family);
  const unknown = Object.keys(body).filter((name) => !(name in shape.fields));
  if (unknown.length > 0)
    refuse(family.unexpected(Object.fromEntries(unknown.map((name) => [name, 'unexpected field']))));
  const absent = (shape.required ?? []).filter(
    (name) => body[name] === undefined || body[name] === null || body[name] === '',
  );
  if (absent.length > 0)
    refuse(family.missing(Object.fromEntries(absent.map((name) => [name, `${name} is a required field`]))));
  const mistyped = Object.entries(body).filter(
    ([name, value]) => value !== null && !hasType(value, shape.fields[name] ?? 'string'),
  );
  if (mistyped.length > 0) {
    refuse(
      family.invalidType(
        Object.fromEntries(
          mistyped.map(([name]) => [name, `${name} must be of type ${shape.fields[name] ?? 'string'}`]),
        ),
      ),
    );
  }
  return body;
}

/** A field `readInput` has checked to be a string (or absent). */
export function text(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}
