import { createHttpClient } from '../../http/client.ts';
import { requestTimeoutMs } from '../../http/request-timeout-variable.ts';
import { LERIAN_CONFIG_SOURCES } from './config-sources.ts';
import type { Calibration } from '../../flow/step/source.ts';
import { FlowSession } from '../../flow/run/session.ts';
import { TokenKeeper } from '../../flow/auth/token-keeper.ts';
import { RunVariables } from '../../flow/step/variables.ts';
import { runIdOfThisRun } from '../../flow/run/run-id.ts';
import { runDeadlineFromEnvironment } from '../../process/run-deadline.ts';
import { schemaRegistry } from '../../schema/registry.ts';
import { lerianIdentityCatalogue } from './catalogue.ts';
import { lerianTestData } from './test-data.ts';
import { isLerianTokenRejection } from './token-rejection.ts';
import { lerianTokenStep } from './token-step.ts';
import type { LerianConfig } from './config.ts';
import { lerianHints } from './hints.ts';
import { lerianConfigVariables } from './config-variables.ts';

export { lerianConfigVariables } from './config-variables.ts';

/**
 * A fresh Lerian Identity flow session: its own run id, test user, ledger (mirrored to a file
 * under `idflow run`, so the CLI can drain it), and an HTTP client whose token keeper refreshes
 * `accessToken` with step 01 (admin user) or 01b (application) when it nears its end or is
 * refused with IDE-0009/AUT-0007.
 */
export function createLerianIdentitySession(
  config: LerianConfig,
  runId: string = runIdOfThisRun(),
  calibration?: Calibration,
): FlowSession {
  const vars = new RunVariables();
  for (const [name, { value, secret }] of Object.entries(lerianConfigVariables(config)))
    vars.set(name, value, { from: 'config', secret, source: LERIAN_CONFIG_SOURCES[name] });
  for (const [name, { value, secret }] of Object.entries(lerianTestData(runId)))
    vars.set(name, value, { from: 'data', secret });
  const tokens = new TokenKeeper({
    vars,
    tokenStep: lerianTokenStep(config),
    isRejection: isLerianTokenRejection,
  });
  const client = createHttpClient({
    middleware: [tokens.middleware],
    runDeadline: runDeadlineFromEnvironment(),
    allowInsecureHttp: config.allowInsecureHttp === true,
    timeoutMs: requestTimeoutMs(),
  });
  tokens.attach(client.send);
  return new FlowSession({
    context: {
      client,
      vars,
      schemas: schemaRegistry(),
      tokens,
      hints: lerianHints,
      ...(calibration ? { calibration } : {}),
    },
    catalogue: lerianIdentityCatalogue,
    target: 'lerian-identity',
  });
}
