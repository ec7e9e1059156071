import { pingOneCredentialTransport, resolvePingOneConfig, type PingOneConfig } from './config.ts';
import { PINGONE_ALLOW_HOST_VARIABLE } from './hosts.ts';
import { PINGONE_POSTMAN_DEFAULTS, PINGONE_POSTMAN_KEYS } from './postman-keys.ts';
import { displayUrl } from '../../redact/display-url.ts';
import { originOf } from '../origin.ts';
import { pingOneFlow } from './catalogue.ts';
import { pingOneProbes } from './probes/catalogue.ts';
import { pingOneFaultCatches } from './fault-catches.ts';
import { pingOnePostmanExport } from './postman-export.ts';
import { pingOneReadOnlySmoke, readOnlySmokeSteps } from './read-only-smoke.ts';
import type { TargetDescriptor } from '../target.ts';
import { pingOneSuitePlan } from './suite-plan.ts';

/** The PingOne Platform API target. */
export const pingOne: TargetDescriptor<PingOneConfig> = {
  name: 'pingone',
  title: 'PingOne Platform API',
  envExample: 'env/pingone.env.example',
  variablePrefix: 'PINGONE_',
  allowHostVariable: PINGONE_ALLOW_HOST_VARIABLE,
  documentedHosts: '*.pingone.<tld>',
  postman: { keys: PINGONE_POSTMAN_KEYS, defaults: PINGONE_POSTMAN_DEFAULTS },
  suites: 'suites/pingone/**/*.test.ts',
  resolveConfig: resolvePingOneConfig,
  transport: pingOneCredentialTransport,
  tenant: (config) => `${originOf(config.apiUrl)} (admin environment ${config.adminEnvId})`,
  ledgerBase: (config) => ({ variable: 'apiPath', url: config.apiUrl }),
  catalogue: () => ({ steps: [...pingOneFlow, ...readOnlySmokeSteps], probes: pingOneProbes }),
  checkIds: () => [
    ...[...pingOneFlow, ...readOnlySmokeSteps].map((step) => step.id),
    ...pingOneProbes.map((probe) => probe.id),
  ],
  readOnlySmoke: pingOneReadOnlySmoke,
  sessionFactory: () =>
    import('./session.ts').then(({ createPingOneSession }) => ({
      create: (config, calibration) => createPingOneSession(config, undefined, calibration),
    })),
  drain: (config, entries, poll) =>
    import('./drain-ledger.ts').then(({ drainPingOneLedger }) => drainPingOneLedger(config, entries, poll)),
  sweep: {
    summary: 'PingOne SANDBOX environments named idflow-… (never PRODUCTION)',
    describe: (config, olderThan) =>
      `SANDBOX environments named idflow-… older than ${olderThan} at ${displayUrl(config.apiUrl)}`,
    nothingFound: 'no environment is named like an idflow run.',
    list: (config, options) =>
      import('./sweep.ts').then(async ({ sweepPingOne }) => ({ lines: await sweepPingOne(config, options) })),
  },
  // Loaded on demand: the steps behind it are not every command's business.
  doctor: (config, options) =>
    import('./doctor/pingone-doctor.ts').then(({ pingOneDoctor }) => pingOneDoctor(config, options)),
  startEmulator: (options) =>
    import('../../emulator/pingone/emulator.ts').then(({ startPingOneEmulator }) =>
      startPingOneEmulator(options),
    ),
  faults: () => import('../../emulator/pingone/faults.ts').then(({ pingOneFaults }) => pingOneFaults),
  faultCatches: pingOneFaultCatches,
  postmanExport: pingOnePostmanExport,
  plan: pingOneSuitePlan,
};
