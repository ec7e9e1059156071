import { literal, regexArguments, testCall } from './script-literal.ts';
import { schemaIdFor } from '../schema/schema-files.ts';
import type { Expectation } from '../flow/step/step.ts';

/**
 * The `pm.test` lines of an expectation, named as idflow's results are: `status`, `refused`,
 * `content type`, `header <name>`, `schema <name>`; a part no vendor source backs is marked
 * `(inferred)`.
 */
export function expectationTests(expect: Expectation): string[] {
  const whole = expect.source?.kind === 'inferred';
  const lines = [testCall('status', `idflow.status(${expect.status})`, whole || !!expect.inferred?.status)];
  if (expect.inferred?.status && expect.inferred.refusalDocumented)
    lines.push(testCall('refused', 'idflow.refused()', false));
  if (expect.contentType)
    lines.push(
      testCall(
        'content type',
        `idflow.contentType(${regexArguments(expect.contentType)})`,
        whole || !!expect.inferred?.contentType,
      ),
    );
  for (const [name, pattern] of Object.entries(expect.headers ?? {}))
    lines.push(
      testCall(`header ${name}`, `idflow.header(${literal(name)}, ${regexArguments(pattern)})`, whole),
    );
  if (expect.schema)
    lines.push(
      testCall(`schema ${expect.schema}`, `idflow.schema(${literal(schemaIdFor(expect.schema))})`, whole),
    );
  if (expect.inferredSchema)
    lines.push(
      testCall(
        `schema ${expect.inferredSchema.schema}`,
        `idflow.schema(${literal(schemaIdFor(expect.inferredSchema.schema))})`,
        true,
      ),
    );
  return lines;
}

/** The schema names an expectation validates against. */
export function expectationSchemas(expect: Expectation): string[] {
  return [
    ...(expect.schema ? [expect.schema] : []),
    ...(expect.inferredSchema ? [expect.inferredSchema.schema] : []),
  ];
}
