export { startLerianIdentityEmulator } from './emulator.ts';
export type { LerianIdentityEmulatorOptions, RunningLerianIdentityEmulator } from './emulator.ts';
export { getLerianIdentityFault, lerianIdentityFaults } from './faults.ts';
export { FORCE_ERROR_HEADER } from './faults/forced-errors.ts';
export { AUT, IDE } from './wire/error-catalogue.ts';
export type { AutCode, ErrorDefinition, IdeCode } from './wire/error-catalogue.ts';
export { LerianDirectory } from './state/directory.ts';
export type { SeededActors } from './state/seed.ts';
export type * from './state/model.ts';
