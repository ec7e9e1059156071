import type { TokenSigner } from './auth/token-signer.ts';
import type { PingOneTenant } from './tenant/tenant.ts';

/** What every PingOne route and middleware works with. */
export interface PingOneContext {
  readonly tenant: PingOneTenant;
  readonly signer: TokenSigner;
  readonly tokenTtlSeconds: number;
}
