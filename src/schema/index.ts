export { createSchemaRegistry, defaultSchemaDirectory, schemaRegistry } from './registry.ts';
export type { SchemaRegistry, CountingSchemaRegistry, SchemaRegistryOptions } from './registry.ts';
export type { SchemaProblem, SchemaResult, SchemaFailure } from './schema-result.ts';
export { formatSchemaProblems, FORMAT_PROBLEM_LIMIT } from './format-problems.ts';
export type { FormatSchemaProblemsOptions } from './format-problems.ts';
export { describeGiven, GIVEN_MAX_LENGTH } from './describe-given.ts';
export { SchemaLoadError } from './schema-load-error.ts';
export { SchemaNotFoundError } from './schema-not-found-error.ts';
export { SCHEMA_ID_BASE, schemaIdFor } from './schema-files.ts';
