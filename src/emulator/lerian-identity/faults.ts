import type { EmulatorFault } from '../http/index.ts';
import { mfaFaults } from './faults/mfa-faults.ts';
import { protocolFaults } from './faults/protocol-faults.ts';

/** Every named fault the Lerian Identity emulator can be started with. */
export const lerianIdentityFaults: readonly EmulatorFault[] = [...mfaFaults, ...protocolFaults];

/** The fault called `name`, or `undefined`. */
export function getLerianIdentityFault(name: string): EmulatorFault | undefined {
  return lerianIdentityFaults.find((fault) => fault.name === name);
}
