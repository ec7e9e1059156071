import { LERIAN_ALLOW_HOST_VARIABLE, LERIAN_DOCUMENTED_HOSTS } from './hosts.ts';
import { lerianCredentialTransport, resolveLerianConfig, type LerianConfig } from './config.ts';
import { displayUrl } from '../../redact/display-url.ts';
import { originOf } from '../origin.ts';
import { lerianIdentityCatalogue } from './catalogue.ts';
import { lerianFaultCatches } from './fault-catches.ts';
import { lerianPostmanExport } from './postman-export.ts';
import type { TargetDescriptor } from '../target.ts';
import { lerianSuitePlan } from './suite-plan.ts';

/** The Lerian Identity (Access Manager) target. */
export const lerianIdentity: TargetDescriptor<LerianConfig> = {
  name: 'lerian-identity',
  title: 'Lerian Identity (Access Manager)',
  envExample: 'env/lerian-identity.env.example',
  variablePrefix: 'LERIAN_',
  allowHostVariable: LERIAN_ALLOW_HOST_VARIABLE,
  documentedHosts: `its sandbox, ${LERIAN_DOCUMENTED_HOSTS.join(', ')}`,
  suites: 'suites/lerian-identity/**/*.test.ts',
  resolveConfig: resolveLerianConfig,
  transport: lerianCredentialTransport,
  tenant: (config) => originOf(config.identityUrl),
  ledgerBase: (config) => ({ variable: 'identityPath', url: config.identityUrl }),
  catalogue: () => ({ steps: lerianIdentityCatalogue, probes: [] }),
  checkIds: () => lerianIdentityCatalogue.map((step) => step.id),
  sessionFactory: () =>
    import('./session.ts').then(({ createLerianIdentitySession }) => ({
      create: (config, calibration) => createLerianIdentitySession(config, undefined, calibration),
    })),
  drain: (config, entries, poll) =>
    import('./drain-ledger.ts').then(({ drainLerianLedger }) => drainLerianLedger(config, entries, poll)),
  sweep: {
    summary: 'Lerian Identity users named idflow-<run id>-… (age from the run id)',
    describe: (config, olderThan) =>
      `Lerian Identity users named idflow-<run id>-… whose run started longer ago than ${olderThan} at ` +
      `${displayUrl(config.identityUrl)}`,
    nothingFound: 'the tenant lists no users.',
    list: (config, options) => import('./sweep.ts').then(({ sweepLerian }) => sweepLerian(config, options)),
  },
  doctor: (config, options) =>
    import('./doctor/lerian-doctor.ts').then(({ lerianDoctor }) => lerianDoctor(config, options)),
  startEmulator: (options) =>
    import('../../emulator/lerian-identity/emulator.ts').then(({ startLerianIdentityEmulator }) =>
      startLerianIdentityEmulator(options),
    ),
  faults: () =>
    import('../../emulator/lerian-identity/faults.ts').then(
      ({ lerianIdentityFaults }) => lerianIdentityFaults,
    ),
  faultCatches: lerianFaultCatches,
  postmanExport: lerianPostmanExport,
  plan: lerianSuitePlan,
};
