import { createHttpClient } from '../../http/client.ts';
import { FlowSession } from '../../flow/session.ts';
import { RunVariables } from '../../flow/variables.ts';
import { newRunId } from '../../flow/run-id.ts';
import { schemaRegistry } from '../../schema/registry.ts';
import { pingOneFlow } from './catalogue.ts';
import { pingOneTestData } from './test-data.ts';
import type { PingOneConfig } from '../../config/pingone-config.ts';

/** The docs' Postman variables, filled from the configuration. */
export function configVariables(config: PingOneConfig): Record<string, { value: string; secret?: boolean }> {
  const values: Record<string, { value: string; secret?: boolean }> = {
    authPath: { value: config.authUrl },
    apiPath: { value: config.apiUrl },
    adminEnvID: { value: config.adminEnvId },
    adminAppID: { value: config.admin.clientId },
    adminAppSecret: { value: config.admin.clientSecret, secret: true },
    region: { value: config.region ?? 'NA' },
  };
  if (config.orgId) values.orgID = { value: config.orgId };
  if (config.licenseId) values.licenseID = { value: config.licenseId };
  return values;
}

/** A fresh PingOne flow session: its own run id, test data, HTTP client and ledger. */
export function createPingOneSession(config: PingOneConfig, runId: string = newRunId()): FlowSession {
  const vars = new RunVariables();
  for (const [name, { value, secret }] of Object.entries(configVariables(config))) vars.set(name, value, { from: 'config', secret });
  for (const [name, { value, secret }] of Object.entries(pingOneTestData(runId))) vars.set(name, value, { from: 'data', secret });
  return new FlowSession({
    context: { client: createHttpClient(), vars, schemas: schemaRegistry() },
    catalogue: pingOneFlow,
  });
}
