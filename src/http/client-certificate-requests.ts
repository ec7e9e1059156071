import { TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';

/**
 * Which servers asked for a client certificate in the TLS handshake, by origin. In TLS 1.3 a
 * server that refuses the client's certificate (or its absence) says so only after the
 * handshake, and undici then reports just a closed connection; knowing that the server asked is
 * what lets that failure name its cause. The handshake shows it: the signature algorithms the two
 * sides share are negotiated only when the server sends a certificate request.
 */
export class ClientCertificateRequests {
  readonly #origins = new Set<string>();

  /** `connector`, noting for each TLS connection it opens whether the server asked. */
  observe(connector: buildConnector.connector): buildConnector.connector {
    return (options, callback) => {
      connector(options, (...args) => {
        const [error, socket] = args;
        if (error === null && socket instanceof TLSSocket && socket.getSharedSigalgs().length > 0) {
          this.#origins.add(`${options.protocol}//${options.host}`);
        }
        callback(...args);
      });
    };
  }

  /** True when the server of `url` asked for a client certificate on a connection opened so far. */
  asked(url: string): boolean {
    try {
      return this.#origins.has(new URL(url).origin);
    } catch {
      return false;
    }
  }
}
