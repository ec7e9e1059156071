import { lookup as systemLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { undici } from './undici-parts.ts';
import type { buildConnector } from 'undici';
import { isLoopbackAddress } from './loopback.ts';
import type { TlsConnectOptions } from './tls-settings.ts';

/** The `code` of the error a refused cleartext connection fails with. */
export const CLEARTEXT_REFUSED = 'IDFLOW_CLEARTEXT_REFUSED';

/** `dns.lookup` with `all: true`, the only form {@link loopbackOnlyLookup} calls. */
export type LookupAll = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const lookupAll: LookupAll = (hostname, options, callback) => systemLookup(hostname, options, callback);

function refused(host: string, addresses: readonly string[]): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(
    `plain http:// to ${host}${addresses.length ? ` (${addresses.join(', ')})` : ''} is refused: it is not a loopback address, ` +
      `so credentials would travel in cleartext; use https:// or pass --allow-insecure-http.`,
  );
  error.code = CLEARTEXT_REFUSED;
  return error;
}

/**
 * A `net.connect` lookup that resolves a name as usual but answers only when every address is
 * loopback (127.0.0.0/8, `::1`), and with exactly those: the connection goes to the addresses
 * that were checked, so a name that resolved to loopback when the configuration was vetted and
 * resolves elsewhere now (DNS rebinding, an edited hosts file) gets nothing.
 */
export function loopbackOnlyLookup(resolve: LookupAll = lookupAll): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses.map((entry) => entry.address);
      const first = addresses[0];
      if (first === undefined || !list.every(isLoopbackAddress))
        return callback(refused(hostname, list), '', 0);
      if (options.all === true) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The undici connector of idflow's HTTP client: https:// as usual; plain http:// only to
 * loopback addresses, checked at connect time on the addresses actually dialled, unless
 * `allowInsecureHttp` (`--allow-insecure-http`). Credentials never leave the machine in cleartext
 * by accident, whatever built the request. `tls` (the CAs, client certificate and verification of
 * `--ca`, `--cert`/`--key`, `--insecure`) applies to https://.
 */
export function credentialConnector(options: {
  readonly timeoutMs: number;
  readonly allowInsecureHttp: boolean;
  readonly lookup?: LookupAll;
  readonly tls?: TlsConnectOptions;
}): buildConnector.connector {
  const open = undici().buildConnector({ timeout: options.timeoutMs, ...options.tls });
  if (options.allowInsecureHttp) return open;
  const loopbackOnly = undici().buildConnector({
    timeout: options.timeoutMs,
    lookup: loopbackOnlyLookup(options.lookup),
  });
  return (connect, callback) => {
    if (connect.protocol !== 'http:') return open(connect, callback);
    const host = connect.hostname.replace(/^\[(.*)\]$/, '$1');
    // net.connect does not look an address up, so an address is judged here.
    if (isIP(host) !== 0 && !isLoopbackAddress(host)) return callback(refused(host, []), null);
    loopbackOnly(connect, callback);
  };
}
