import { requestSlot } from '../../http/index.ts';
import type { TokenSubject } from './token-issuer.ts';

/** Who the request's bearer token was issued to: set by the bearer middleware, read by routes. */
export const caller = requestSlot<TokenSubject>('authenticated caller');
