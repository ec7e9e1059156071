import type { SecretFields } from '../../http/secret-capture.ts';

/**
 * What only PingOne sends secret: the password-set action carries the new password as `value`
 * ("Update User Password (Set)": `Content-Type: application/vnd.pingidentity.password.set+json`,
 * body `{ "value": "…", "forceChange": false }`).
 */
export const PINGONE_SECRET_FIELDS: SecretFields = {
  requestJsonByMediaType: { 'application/vnd.pingidentity.password.set+json': ['value'] },
};
