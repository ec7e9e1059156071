import { isIP } from 'node:net';
import { undici } from './undici-parts.ts';
import type { Dispatcher, Pool, ProxyAgent } from 'undici';
import { displayUrl } from '../redact/display-url.ts';
import { registerSecret } from '../redact/secrets.ts';
import { CLEARTEXT_REFUSED } from './cleartext-connector.ts';
import { isLoopbackAddress } from './loopback.ts';
import type { ClientCertificateRequests } from './client-certificate-requests.ts';
import { DEFAULT_TLS, type TlsSettings } from './tls-settings.ts';

/** Where requests go through a proxy: curl's and Newman's variables, read once. */
export interface ProxySettings {
  /** Proxy for http:// origins (`HTTP_PROXY`, `http_proxy`). */
  readonly httpProxy?: string;
  /** Proxy for https:// origins (`HTTPS_PROXY`, `https_proxy`; else the http one). */
  readonly httpsProxy?: string;
  /** Hosts reached directly (`NO_PROXY`, `no_proxy`): `host`, `.domain`, `*.domain`, `host:port`, `*`. */
  readonly noProxy?: string;
}

/**
 * The proxy settings of an environment: lower-case names win over upper-case ones, as in curl. A
 * proxy URL's `user:password` is a secret from here on.
 */
export function proxySettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ProxySettings {
  const httpProxy = env.http_proxy || env.HTTP_PROXY || undefined;
  const httpsProxy = env.https_proxy || env.HTTPS_PROXY || httpProxy;
  const noProxy = env.no_proxy || env.NO_PROXY || undefined;
  for (const proxy of [httpProxy, httpsProxy]) registerProxyCredentials(proxy);
  return {
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}

/** Registers the user and password of a proxy URL with the redactor. */
export function registerProxyCredentials(proxy: string | undefined): void {
  if (proxy === undefined) return;
  try {
    const url = new URL(proxy);
    const [user, password] = [decodeURIComponent(url.username), decodeURIComponent(url.password)];
    registerSecret(password);
    registerSecret(url.password);
    // What undici sends as Proxy-Authorization.
    if (password) registerSecret(Buffer.from(`${user}:${password}`).toString('base64'));
  } catch {
    // Not a URL: undici refuses it when the agent is built, and the message shows no userinfo.
  }
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/** True when `NO_PROXY` says `url` is reached directly (same matching as undici and curl). */
function bypassed(url: URL, noProxy: string | undefined): boolean {
  const entries = (noProxy ?? '').split(/[,\s]+/).filter(Boolean);
  if (entries.includes('*')) return true;
  const host = url.hostname.toLowerCase();
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  return entries.some((entry) => {
    const parsed = /^(.+):(\d+)$/.exec(entry);
    const name = (parsed?.[1] ?? entry).replace(/^\*?\./, '').toLowerCase();
    if (parsed && Number(parsed[2]) !== port) return false;
    return host === name || host.endsWith(`.${name}`);
  });
}

/** The proxy a request to `url` goes through, or undefined when it goes directly. */
export function proxyFor(url: URL, settings: ProxySettings): string | undefined {
  if (bypassed(url, settings.noProxy)) return undefined;
  return url.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
}

function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return isIP(bare) !== 0 ? isLoopbackAddress(bare) : bare === 'localhost' || bare.endsWith('.localhost');
}

/**
 * Why a plain http:// request may not go through `proxy`, or undefined: credentials would cross
 * the proxy in cleartext, which is allowed only with `--allow-insecure-http` or when the origin
 * and the proxy are both on this machine.
 */
function cleartextRefusal(url: URL, proxy: string, allowInsecureHttp: boolean): Error | undefined {
  if (url.protocol !== 'http:' || allowInsecureHttp) return undefined;
  let proxyHost = '';
  try {
    proxyHost = new URL(proxy).hostname;
  } catch {
    proxyHost = '';
  }
  if (isLoopbackHost(url.hostname) && isLoopbackHost(proxyHost)) return undefined;
  const error: NodeJS.ErrnoException = new Error(
    `plain http:// to ${url.host} through the proxy ${displayUrl(proxy)} is refused: credentials would ` +
      `cross the proxy in cleartext; use https:// or pass --allow-insecure-http.`,
  );
  error.code = CLEARTEXT_REFUSED;
  return error;
}

/** What a {@link ProxyRouter} routes with. */
export interface ProxyRouterOptions {
  readonly settings: ProxySettings;
  /** idflow's guarded agent, for requests that go directly. */
  readonly direct: Dispatcher;
  readonly allowInsecureHttp: boolean;
  /**
   * The TLS settings: the origin's inside each CONNECT tunnel (CAs, client certificate,
   * verification), the proxy's for an https:// proxy (CAs and verification only). Default Node's.
   */
  readonly tls?: TlsSettings;
  /** Notes which servers in a tunnel asked for a client certificate. */
  readonly clientCertificateRequests?: ClientCertificateRequests;
}

/**
 * Chooses the dispatcher of each request: `direct` (idflow's guarded agent), or undici's own
 * ProxyAgent for the proxy the settings name (one per proxy, kept for the client's life), with
 * the TLS settings on the tunnelled connection and on the proxy's. A cleartext request that may
 * not cross a proxy throws the cleartext refusal.
 */
export class ProxyRouter {
  readonly #agents = new Map<string, ProxyAgent>();

  constructor(private readonly options: ProxyRouterOptions) {}

  dispatcherFor(target: string): Dispatcher {
    const url = new URL(target);
    const proxy = proxyFor(url, this.options.settings);
    if (proxy === undefined) return this.options.direct;
    const refusal = cleartextRefusal(url, proxy, this.options.allowInsecureHttp);
    if (refusal) throw refusal;
    let agent = this.#agents.get(proxy);
    if (!agent) this.#agents.set(proxy, (agent = this.#proxyAgent(proxy)));
    return agent;
  }

  #proxyAgent(proxy: string): ProxyAgent {
    const tls = this.options.tls ?? DEFAULT_TLS;
    const requests = this.options.clientCertificateRequests;
    const { Pool, ProxyAgent } = undici();
    return new ProxyAgent({
      uri: proxy,
      keepAliveTimeout: 10_000,
      // Only when set: undici takes the tunnel's server name from requestTls once it is given.
      ...(Object.keys(tls.origin).length > 0 ? { requestTls: { ...tls.origin } } : {}),
      ...(Object.keys(tls.proxy).length > 0 ? { proxyTls: { ...tls.proxy } } : {}),
      // The pool of each origin connects through the tunnel; watching it shows the origin's handshake.
      ...(requests === undefined
        ? {}
        : {
            factory: (origin: string | URL, options: object) => {
              const poolOptions = options as Pool.Options;
              const connect = poolOptions.connect;
              return new Pool(origin, {
                ...poolOptions,
                ...(typeof connect === 'function' ? { connect: requests.observe(connect) } : {}),
              });
            },
          }),
    });
  }

  async close(): Promise<void> {
    await Promise.all([
      this.options.direct.close(),
      ...[...this.#agents.values()].map((agent) => agent.close()),
    ]);
  }
}
