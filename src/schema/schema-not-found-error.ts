import { IdflowError } from '../errors/idflow-error.ts';

/** A step asked for a schema name the registry does not hold: a bug in the suite's step data. */
export class SchemaNotFoundError extends IdflowError {
  readonly schemaName: string;

  constructor(schemaName: string, known: readonly string[]) {
    super(
      'SCHEMA_NOT_FOUND',
      `No schema named "${schemaName}". Use one of: ${known.join(', ')}; or add ` +
        `schemas/${schemaName}.schema.json.`,
      { fault: 'suite' },
    );
    this.schemaName = schemaName;
  }
}
