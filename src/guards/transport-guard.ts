import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ConfigError } from '../errors/config-error.ts';
import { ALLOW_HOST_OPTION, disallowedHost, hostOf } from './host-guard.ts';
import { isLoopbackAddress } from '../http/loopback.ts';
import { ALLOW_INSECURE_HTTP_OPTION } from './insecure-http-option.ts';

/** Every address a name resolves to, as `dns.lookup(name, { all: true })` gives them. */
export type ResolveAll = (host: string) => Promise<readonly string[]>;

/** The system resolver, the one undici connects with (`/etc/hosts` included). */
export const systemResolveAll: ResolveAll = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** A URL credentials are sent to, and the variable that set it. */
export interface CredentialUrl {
  readonly variable: string;
  readonly url: string;
}

/** Where a target's credentials may go, and what a refusal says. */
export interface CredentialTransport {
  /** Where the configuration came from, for messages. */
  readonly source: string;
  /** What is at stake: `the client secret`, `the admin password or client secret`. */
  readonly credential: string;
  readonly urls: readonly CredentialUrl[];
  /** The vendor's own hosts, and how to name them in a message. */
  readonly isVendorHost: (host: string) => boolean;
  readonly vendorHosts: string;
  /** The variable that allows hosts, like `--allow-host`. */
  readonly allowVariable: string;
  readonly allowedHosts: readonly string[];
  readonly allowInsecureHttp: boolean;
}

/** What the vetting let through that the user should hear about. */
export interface TransportVerdict {
  /** One line per URL that will carry credentials in cleartext (`--allow-insecure-http`). */
  readonly warnings: readonly string[];
}

interface Resolution {
  readonly loopback: boolean;
  /** `resolves to 10.0.0.5`, `does not resolve (ENOTFOUND)`; empty for an address. */
  readonly said: string;
}

async function resolveHost(host: string, resolveAll: ResolveAll): Promise<Resolution> {
  if (isIP(host) !== 0) return { loopback: isLoopbackAddress(host), said: '' };
  try {
    const addresses = await resolveAll(host);
    const loopback = addresses.length > 0 && addresses.every(isLoopbackAddress);
    return { loopback, said: ` (it resolves to ${addresses.join(', ') || 'no address'})` };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { loopback: false, said: ` (it does not resolve${typeof code === 'string' ? `: ${code}` : ''})` };
  }
}

function hostRefused(
  transport: CredentialTransport,
  url: CredentialUrl,
  host: string,
  said: string,
): ConfigError {
  return new ConfigError({
    code: 'CONFIG_INVALID',
    variable: url.variable,
    file: transport.source,
    example: `${transport.allowVariable}=${host}`,
    message:
      `${url.variable} points at host "${host}"${said}, which is neither ${transport.vendorHosts} nor a loopback address, ` +
      `so idflow will not send ${transport.credential} there. Fix ${url.variable} in ${transport.source}, or, if that host really ` +
      `serves your tenant, allow it with ${ALLOW_HOST_OPTION} ${host} or ${transport.allowVariable}=${host}.`,
  });
}

function cleartextRefused(
  transport: CredentialTransport,
  url: CredentialUrl,
  host: string,
  said: string,
): ConfigError {
  return new ConfigError({
    code: 'CONFIG_INVALID',
    variable: url.variable,
    file: transport.source,
    example: `${url.variable}=${url.url.replace(/^http:/i, 'https:')}`,
    message:
      `${url.variable} is ${url.url}: plain http:// to "${host}"${said}, which is not a loopback address, would send ` +
      `${transport.credential} and tokens in cleartext. Use https:// in ${url.variable} (${transport.source}), or, if you accept ` +
      `that anyone on the network path can read them, pass ${ALLOW_INSECURE_HTTP_OPTION}.`,
  });
}

/**
 * Throws a ConfigError when a URL's host is neither the vendor's, nor named as loopback, nor
 * allowed: decided without the network, as the configuration is read. A loopback name passing
 * here is resolved by {@link vetCredentialTransport}.
 */
export function refuseForeignHosts(transport: CredentialTransport): void {
  const urls = transport.urls.map((url) => url.url);
  const foreign = disallowedHost(urls, transport.allowedHosts, transport.isVendorHost);
  const url = transport.urls.find((candidate) => candidate.url === foreign?.url);
  if (foreign !== undefined && url !== undefined) throw hostRefused(transport, url, foreign.host, '');
}

/**
 * Checks, before the first request, every URL a target's credentials go to: its host must be the
 * vendor's, explicitly allowed, or loopback, and plain http:// is refused unless the host is
 * loopback or `--allow-insecure-http` was given. Loopback is decided by address: a name counts
 * only when every address it resolves to is in 127.0.0.0/8 or `::1`. Throws a ConfigError
 * (exit 2) naming the variable, the rule and the option that overrides it.
 */
export async function vetCredentialTransport(
  transport: CredentialTransport,
  resolveAll: ResolveAll = systemResolveAll,
): Promise<TransportVerdict> {
  const warnings: string[] = [];
  for (const url of transport.urls) {
    const host = hostOf(url.url);
    if (host === undefined) continue;
    const trusted = transport.isVendorHost(host) || transport.allowedHosts.includes(host);
    const cleartext = new URL(url.url).protocol === 'http:';
    if (trusted && !cleartext) continue;
    const { loopback, said } = await resolveHost(host, resolveAll);
    if (!trusted && !loopback) throw hostRefused(transport, url, host, said);
    if (!cleartext || loopback) continue;
    if (!transport.allowInsecureHttp) throw cleartextRefused(transport, url, host, said);
    warnings.push(
      `WARNING: ${ALLOW_INSECURE_HTTP_OPTION}: ${transport.credential} and tokens go to ${url.url} ` +
        `(${url.variable}) in cleartext; anyone on the network path can read them.`,
    );
  }
  return { warnings };
}
