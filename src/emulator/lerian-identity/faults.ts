import type { EmulatorFault } from '../http/index.ts';
import { benignFaults } from './faults/benign-faults.ts';
import { mfaFaults } from './faults/mfa-faults.ts';
import { protocolFaults } from './faults/protocol-faults.ts';
import { stateFaults } from './faults/state-faults.ts';

/** Every named fault the Lerian Identity emulator can be started with. */
export const lerianIdentityFaults: readonly EmulatorFault[] = [
  ...mfaFaults,
  ...protocolFaults,
  ...stateFaults,
  ...benignFaults,
];

/** The fault called `name`, or `undefined`. */
export function getLerianIdentityFault(name: string): EmulatorFault | undefined {
  return lerianIdentityFaults.find((fault) => fault.name === name);
}
