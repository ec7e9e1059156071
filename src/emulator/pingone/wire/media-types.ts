/** Content-Type of successful management API responses. */
export const HAL_JSON = 'application/hal+json;charset=UTF-8';
/** Content-Type of P1Error bodies and of the auth server's JSON (token, JWKS, OAuth errors). */
export const JSON_UTF8 = 'application/json;charset=UTF-8';

/** Request media types, including PingOne's action types that select an operation on one URL. */
export const MEDIA = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  userImport: 'application/vnd.pingidentity.user.import+json',
  passwordSet: 'application/vnd.pingidentity.password.set+json',
  deviceActivate: 'application/vnd.pingidentity.device.activate+json',
} as const;
