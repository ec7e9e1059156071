import { FAILURE_CODES } from './known-deviation.ts';

/** JSON Schema (2020-12) of a known-deviations file; compiled once by `parseBaseline`. */
export const BASELINE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://idflow.dev/schemas/idflow/known-deviations.schema.json',
  type: 'object',
  required: ['target', 'deviations'],
  additionalProperties: false,
  properties: {
    $comment: { type: 'string' },
    target: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    deviations: { type: 'array', items: { $ref: '#/$defs/deviation' } },
  },
  $defs: {
    deviation: {
      type: 'object',
      required: ['check', 'outcome', 'reason'],
      additionalProperties: false,
      properties: {
        check: { type: 'string', pattern: '^[0-9]{2}[a-z]?-[a-z0-9-]+(/[a-z0-9-]+)*$' },
        outcome: {
          type: 'object',
          required: ['code'],
          additionalProperties: false,
          properties: {
            code: { type: 'string', enum: [...FAILURE_CODES] },
            check: { type: 'string', minLength: 1 },
            given: { type: 'string' },
          },
        },
        reason: { type: 'string', pattern: '\\S' },
        tenant: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
