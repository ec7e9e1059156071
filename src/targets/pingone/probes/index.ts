export * from './activation-probes.ts';
export * from './device-probes.ts';
export * from './mfa-settings-probes.ts';
export * from './setup-probes.ts';
export * from './support-steps.ts';
export * from './token-probes.ts';
export * from './user-probes.ts';
export * from './catalogue.ts';
