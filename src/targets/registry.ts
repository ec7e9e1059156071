import { lerianCredentialTransport, resolveLerianConfig } from '../config/lerian-config.ts';
import { pingOneCredentialTransport, resolvePingOneConfig } from '../config/pingone-config.ts';
import { lerianIdentityFaults, startLerianIdentityEmulator } from '../emulator/lerian-identity/index.ts';
import { pingOneFaults, startPingOneEmulator } from '../emulator/pingone/index.ts';
import type { EmulatorFault } from '../emulator/http/fault.ts';
import type { FaultCatches } from './fault-catch.ts';
import { lerianFaultCatches } from './lerian-identity/fault-catches.ts';
import { pingOneFaultCatches } from './pingone/fault-catches.ts';
import type { EmulatorLeftover } from '../emulator/http/leftover.ts';
import type { CredentialTransport } from '../guards/transport-guard.ts';
import type { DoctorFinding, DoctorOptions } from '../doctor/finding.ts';

/** Options every target's standalone emulator accepts (the `idflow emulator` flags). */
export interface EmulatorStartOptions {
  readonly host?: string;
  readonly port?: number;
  readonly latencyMs?: number;
  readonly tokenTtlSeconds?: number;
  readonly clientSecret?: string;
  readonly faults?: readonly EmulatorFault[];
}

export interface RunningEmulator {
  readonly url: string;
  env(): Record<string, string>;
  /** What runs left in the emulator: resources named with `prefix`. */
  leftovers(prefix: string): readonly EmulatorLeftover[];
  close(): Promise<void>;
}

/** What the CLI needs to know about a target; suites and steps live in their own folders. */
export interface TargetDescriptor {
  readonly name: string;
  readonly title: string;
  /** The committed example env file users copy. */
  readonly envExample: string;
  /** Validated configuration, or undefined when none of the target's variables is set. */
  resolveConfig(variables: Record<string, string>, source: string): unknown;
  /** Where the configured target's credentials go, for the transport guard; undefined when none is configured. */
  credentialTransport(variables: Record<string, string>, source: string): CredentialTransport | undefined;
  startEmulator(options: EmulatorStartOptions): Promise<RunningEmulator>;
  /** `idflow doctor`'s read-only preflight of the configured tenant; undefined when none is configured. */
  doctor(
    variables: Record<string, string>,
    source: string,
    options?: DoctorOptions,
  ): Promise<DoctorFinding[]> | undefined;
  readonly faults: readonly EmulatorFault[];
  /** Where the suites must catch some of those faults (`idflow selftest` checks it). */
  readonly faultCatches?: FaultCatches;
}

/** Every target, in the order `idflow run` runs them when none is named. */
export const TARGETS: readonly TargetDescriptor[] = [
  {
    name: 'pingone',
    title: 'PingOne Platform API',
    envExample: 'env/pingone.env.example',
    resolveConfig: resolvePingOneConfig,
    credentialTransport: (variables, source) => {
      const config = resolvePingOneConfig(variables, source);
      return config && pingOneCredentialTransport(config);
    },
    startEmulator: startPingOneEmulator,
    doctor: (variables, source, options) => {
      const config = resolvePingOneConfig(variables, source);
      // Loaded on demand: the steps behind it are not every command's business.
      return (
        config &&
        import('./pingone/doctor/pingone-doctor.ts').then(({ pingOneDoctor }) =>
          pingOneDoctor(config, options),
        )
      );
    },
    faults: pingOneFaults,
    faultCatches: pingOneFaultCatches,
  },
  {
    name: 'lerian-identity',
    title: 'Lerian Identity (Access Manager)',
    envExample: 'env/lerian-identity.env.example',
    resolveConfig: resolveLerianConfig,
    credentialTransport: (variables, source) => {
      const config = resolveLerianConfig(variables, source);
      return config && lerianCredentialTransport(config);
    },
    startEmulator: startLerianIdentityEmulator,
    doctor: (variables, source, options) => {
      const config = resolveLerianConfig(variables, source);
      return (
        config &&
        import('./lerian-identity/doctor/lerian-doctor.ts').then(({ lerianDoctor }) =>
          lerianDoctor(config, options),
        )
      );
    },
    faults: lerianIdentityFaults,
    faultCatches: lerianFaultCatches,
  },
];

/** Looks a target up by name; undefined for an unknown one. */
export function findTarget(name: string): TargetDescriptor | undefined {
  return TARGETS.find((target) => target.name === name);
}
