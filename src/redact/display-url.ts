const USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/;

/**
 * A URL as idflow may show it: without its `user:password@` part, which may hold a credential
 * (`https://user:pass@host/v1` prints as `https://host/v1`). Everything else is kept as written,
 * so the user recognises their own configuration. Every URL shown to a user goes through here.
 */
export function displayUrl(url: string): string {
  return url.replace(USERINFO, '$1');
}
