import { createHttpClient } from '../../http/client.ts';
import { FlowSession } from '../../flow/session.ts';
import { TokenKeeper } from '../../flow/token-keeper.ts';
import { RunVariables } from '../../flow/variables.ts';
import { newRunId } from '../../flow/run-id.ts';
import { schemaRegistry } from '../../schema/registry.ts';
import { actorVariables } from './actors.ts';
import { pingOneCatalogue } from './catalogue.ts';
import { PINGONE_CONFIG_SOURCES } from './config-sources.ts';
import { getAccessToken } from './steps/01-get-access-token.ts';
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
  return { ...values, ...actorVariables(config.actors) };
}

/**
 * A fresh PingOne flow session: its own run id, test data, ledger, and an HTTP client whose
 * token keeper refreshes `accessToken` with step 01 (`session.context.tokens.refreshes`).
 */
export function createPingOneSession(config: PingOneConfig, runId: string = newRunId()): FlowSession {
  const vars = new RunVariables();
  for (const [name, { value, secret }] of Object.entries(configVariables(config))) vars.set(name, value, { from: 'config', secret, source: PINGONE_CONFIG_SOURCES[name] });
  for (const [name, { value, secret }] of Object.entries(pingOneTestData(runId))) vars.set(name, value, { from: 'data', secret });
  const tokens = new TokenKeeper({ vars, tokenStep: getAccessToken });
  const client = createHttpClient({ middleware: [tokens.middleware] });
  tokens.attach(client.send);
  return new FlowSession({
    context: { client, vars, schemas: schemaRegistry(), tokens },
    catalogue: pingOneCatalogue,
  });
}
