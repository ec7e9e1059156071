import { fail, invalidData } from './p1-error.ts';
import type { P1ErrorDetail } from './p1-error.ts';

type Json = Record<string, unknown>;

/**
 * Collects every validation problem of one request body, so a client learns about all of them in
 * one 400 `INVALID_DATA`, each detail naming its field in `target`.
 */
export class Validation {
  readonly details: P1ErrorDetail[] = [];

  required(target: string): undefined {
    this.details.push({ code: 'REQUIRED_VALUE', target, message: `${target} is required.` });
    return undefined;
  }

  invalid(target: string, message: string, innerError?: Record<string, unknown>): undefined {
    this.details.push({ code: 'INVALID_VALUE', target, message, ...(innerError ? { innerError } : {}) });
    return undefined;
  }

  add(detail: P1ErrorDetail): undefined {
    this.details.push(detail);
    return undefined;
  }

  get ok(): boolean {
    return this.details.length === 0;
  }

  /** Throws the collected problems as a 400 `INVALID_DATA` response, if there are any. */
  throwIfInvalid(): void {
    if (!this.ok) fail(invalidData(this.details));
  }
}

/** `value` when it is a plain JSON object, else `undefined`. */
export function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export interface FieldOptions {
  required?: boolean;
}

/** Reads a string field; records REQUIRED_VALUE or INVALID_VALUE under `target`. */
export function readString(
  v: Validation,
  body: Json,
  key: string,
  target: string,
  options: FieldOptions & { maxLength?: number } = {},
): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '')
    return options.required ? v.required(target) : undefined;
  if (typeof value !== 'string') return v.invalid(target, `${target} must be a string.`);
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    return v.add({
      code: 'INVALID_VALUE',
      target,
      message: `${target} must be at most ${options.maxLength} characters.`,
      innerError: { maximumValue: options.maxLength },
    });
  }
  return value;
}

/** Reads a boolean field. */
export function readBoolean(
  v: Validation,
  body: Json,
  key: string,
  target: string,
  options: FieldOptions = {},
): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return options.required ? v.required(target) : undefined;
  if (typeof value !== 'boolean') return v.invalid(target, `${target} must be a boolean (true or false).`);
  return value;
}

/**
 * Reads an integer field. Floats are truncated, not rounded, as PingOne does for JSON numbers.
 */
export function readInteger(
  v: Validation,
  body: Json,
  key: string,
  target: string,
  options: FieldOptions & { min?: number; max?: number } = {},
): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return options.required ? v.required(target) : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    return v.invalid(target, `${target} must be an integer.`);
  const integer = Math.trunc(value);
  const { min, max } = options;
  if ((min !== undefined && integer < min) || (max !== undefined && integer > max)) {
    return v.add({
      code: 'OUT_OF_RANGE',
      target,
      message: `${target} must be between ${min ?? '-∞'} and ${max ?? '∞'}.`,
      innerError: {
        ...(min === undefined ? {} : { rangeMinimumValue: min }),
        ...(max === undefined ? {} : { rangeMaximumValue: max }),
      },
    });
  }
  return integer;
}

/** Reads a string field that must be one of `allowed`. */
export function readEnum<T extends string>(
  v: Validation,
  body: Json,
  key: string,
  target: string,
  allowed: readonly T[],
  options: FieldOptions = {},
): T | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '')
    return options.required ? v.required(target) : undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    return v.invalid(target, `${target} must be one of ${allowed.join(', ')}.`, {
      allowedValues: [...allowed],
    });
  }
  return value as T;
}

/** Reads a nested object field (`{ "license": { … } }`). */
export function readObject(
  v: Validation,
  body: Json,
  key: string,
  target: string,
  options: FieldOptions = {},
): Json | undefined {
  const value = body[key];
  if (value === undefined || value === null) return options.required ? v.required(target) : undefined;
  const object = asObject(value);
  if (!object) return v.invalid(target, `${target} must be a JSON object.`);
  return object;
}
