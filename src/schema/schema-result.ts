/** One way a value fails its schema, phrased for a person reading a failed check. */
export interface SchemaProblem {
  /** JSON pointer into the validated value; `''` is the root. A missing property points at itself. */
  readonly pointer: string;
  /** What the schema wants there, e.g. `one of ACTIVE, ACTIVATION_REQUIRED` or `string (format uuid)`. */
  readonly expected: string;
  /** Short, redacted JSON of what was found (at most ~80 characters), or `missing`. */
  readonly given: string;
  /** The JSON Schema keyword that failed (`required`, `enum`, `format`, ...). */
  readonly keyword: string;
  /** The whole problem on one line: `<pointer>: expected <expected>, given <given>`. */
  readonly message: string;
}

/** A failed validation: the `$id` of the schema and every problem found. */
export interface SchemaFailure {
  readonly valid: false;
  readonly schemaId: string;
  readonly problems: readonly SchemaProblem[];
}

export type SchemaResult = { readonly valid: true } | SchemaFailure;
