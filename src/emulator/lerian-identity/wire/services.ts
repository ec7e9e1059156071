/** The two Access Manager services the emulator serves. */
export type LerianService = 'auth' | 'identity';

const AUTH_PREFIXES = ['/v1/login/', '/v1/logout', '/v1/userinfo', '/v1/authorize', '/v1/permissions'];

/** Which service answers `path`: their paths do not collide, so one origin can serve both. */
export function serviceOf(path: string): LerianService {
  return AUTH_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))
    ? 'auth'
    : 'identity';
}
