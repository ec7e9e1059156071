import { randomUUID } from 'node:crypto';
import type { ExportVariable } from './export-plan.ts';

/**
 * The Postman environment of an export: every variable the steps read, secrets typed `secret`
 * (Postman masks them), as `Environments > Import` reads it.
 */
export function buildEnvironment(
  name: string,
  variables: readonly ExportVariable[],
): Record<string, unknown> {
  return {
    id: randomUUID(),
    name,
    values: variables.map((variable) => ({
      key: variable.key,
      value: variable.value,
      type: variable.secret ? 'secret' : 'default',
      enabled: true,
    })),
    _postman_variable_scope: 'environment',
    _postman_exported_using: 'idflow export',
  };
}
