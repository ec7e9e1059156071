export * from './01-token.ts';
export * from './02-user.ts';
export * from './04-mfa-setup.ts';
export * from './05-mfa-enable.ts';
export * from './06-mfa-login.ts';
export * from './07-recovery-code.ts';
export * from './08-mfa-disable.ts';
