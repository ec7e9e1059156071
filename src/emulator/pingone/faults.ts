import type { EmulatorFault } from '../http/index.ts';
import { benignFaults } from './faults/benign-faults.ts';
import { protocolFaults } from './faults/protocol-faults.ts';
import { securityFaults } from './faults/security-faults.ts';
import { stateFaults } from './faults/state-faults.ts';

/** Every named fault the PingOne emulator can be started with. */
export const pingOneFaults: readonly EmulatorFault[] = [
  ...protocolFaults,
  ...stateFaults,
  ...securityFaults,
  ...benignFaults,
];

/** The fault called `name`, or `undefined` (callers name the valid ones in their error). */
export function getPingOneFault(name: string): EmulatorFault | undefined {
  return pingOneFaults.find((fault) => fault.name === name);
}
