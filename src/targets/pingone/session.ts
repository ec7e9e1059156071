import { PINGONE_SECRET_FIELDS } from './secret-fields.ts';
import { createHttpClient } from '../../http/client.ts';
import { requestTimeoutMs } from '../../http/request-timeout-variable.ts';
import type { Calibration } from '../../flow/step/source.ts';
import { FlowSession } from '../../flow/run/session.ts';
import { TokenKeeper } from '../../flow/auth/token-keeper.ts';
import { RunVariables } from '../../flow/step/variables.ts';
import { runIdOfThisRun } from '../../flow/run/run-id.ts';
import { pingOneReadOnlyGuard, readOnlySmokeRun, writePopulation } from './read-only-smoke.ts';
import { PopulationWriteConfinement } from './population-write-guard.ts';
import type { Middleware } from '../../http/types.ts';

/**
 * The guard of a `--smoke` in an existing environment: read-only, or confined to one user's
 * lifecycle in the population --write-population names (which the production guard then lets in).
 */
function smokeGuards(config: PingOneConfig, guard: ProductionGuard): Middleware[] {
  if (!readOnlySmokeRun(config) || config.environmentId === undefined) return [];
  const population = writePopulation(config);
  if (population === undefined) return [pingOneReadOnlyGuard()];
  const confinement = new PopulationWriteConfinement(config.environmentId, population);
  guard.allowConfinedWrites((request) => confinement.permitsWrite(request));
  return [confinement.middleware];
}
import { runDeadlineFromEnvironment } from '../../process/run-deadline.ts';
import { schemaRegistry } from '../../schema/registry.ts';
import { ProductionGuard } from './production-guard.ts';
import { EXISTING_ENVIRONMENT_CLEANUPS, existingEnvironmentSubstitute } from './existing-environment.ts';
import { configVariables } from './config-variables.ts';
import { pingOneCatalogue } from './catalogue.ts';
import { PINGONE_CONFIG_SOURCES } from './config-sources.ts';
import { getAccessToken } from './steps/01-get-access-token.ts';
import { pingOneTestData } from './test-data.ts';
import { isPingOneTokenRejection } from './token-rejection.ts';
import { pingOneHints } from './hints.ts';
import type { PingOneConfig } from './config.ts';

export { configVariables } from './config-variables.ts';

/**
 * A fresh PingOne flow session: its own run id, test data, ledger, and an HTTP client whose
 * token keeper refreshes `accessToken` with step 01 (`session.context.tokens.refreshes`), and a
 * guard that refuses to create, change or delete a PRODUCTION environment; under `idflow run`
 * every request but teardown's is held to the whole-run deadline. With
 * `PINGONE_ENV_ID` the run works in that environment instead of creating one (step 03 skipped).
 */
export function createPingOneSession(
  config: PingOneConfig,
  runId: string = runIdOfThisRun(),
  calibration?: Calibration,
): FlowSession {
  const vars = new RunVariables();
  for (const [name, { value, secret }] of Object.entries(configVariables(config)))
    vars.set(name, value, { from: 'config', secret, source: PINGONE_CONFIG_SOURCES[name] });
  for (const [name, { value, secret }] of Object.entries(pingOneTestData(runId)))
    vars.set(name, value, { from: 'data', secret });
  const tokens = new TokenKeeper({ vars, tokenStep: getAccessToken, isRejection: isPingOneTokenRejection });
  // The guard sits inside the token keeper: a refused request is never sent, whatever sends it.
  const guard = new ProductionGuard();
  // `--smoke` in an existing environment only reads: any write but the token request is refused
  // (but for one user's lifecycle in the population --write-population names).
  const readOnly = readOnlySmokeRun(config);
  const population = writePopulation(config);
  if (population !== undefined) {
    vars.set('sharedPopID', population, { from: 'config', source: '--write-population' });
    if (config.smokeDevicePolicyId !== undefined)
      vars.set('devicePolicyID', config.smokeDevicePolicyId, {
        from: 'config',
        source: 'PINGONE_SMOKE_DEVICE_POLICY_ID',
      });
  }
  const runDeadline = runDeadlineFromEnvironment();
  const client = createHttpClient({
    secretFields: PINGONE_SECRET_FIELDS,
    middleware: [tokens.middleware, guard.middleware, ...smokeGuards(config, guard)],
    runDeadline,
    allowInsecureHttp: config.allowInsecureHttp === true,
    timeoutMs: requestTimeoutMs(),
  });
  tokens.attach(client.send);
  const existing = config.environmentId;
  if (existing !== undefined)
    vars.set('existingEnvID', existing, { from: 'config', source: 'PINGONE_ENV_ID' });
  return new FlowSession({
    context: {
      client,
      vars,
      schemas: schemaRegistry(),
      tokens,
      hints: pingOneHints,
      ...(calibration ? { calibration } : {}),
    },
    catalogue: pingOneCatalogue,
    target: 'pingone',
    runDeadline,
    ...(existing === undefined
      ? {}
      : {
          substitutes: { '03-create-environment': existingEnvironmentSubstitute(existing, guard, readOnly) },
          extraCleanups: EXISTING_ENVIRONMENT_CLEANUPS,
        }),
  });
}
