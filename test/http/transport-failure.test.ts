import { describe, expect, it } from 'vitest';
import { toTransportError } from '../../src/http/transport-failure.ts';

const request = { method: 'GET', url: 'https://api.pingone.eu/v1/environments?x=1', timeoutMs: 1000 };

function systemError(code: string, message = `${code} happened`): Error {
  return Object.assign(new Error(message), { code });
}

describe('toTransportError', () => {
  it.each(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT'])(
    'maps %s to CONNECTION_FAILED naming the host (the tenant is unreachable: exit 3)',
    (code) => {
      const error = toTransportError(systemError(code), request);
      expect(error.code).toBe('CONNECTION_FAILED');
      expect(error.fault).toBe('unreachable');
      expect(error.causeCode).toBe(code);
      expect(error.message).toContain('api.pingone.eu');
      expect(error.message).toContain('region');
    },
  );

  it('looks through undici wrappers and AggregateErrors for the OS code', () => {
    const wrapped = Object.assign(new Error('other side closed'), {
      code: 'UND_ERR_SOCKET',
      cause: systemError('ECONNRESET'),
    });
    expect(toTransportError(wrapped, request).causeCode).toBe('ECONNRESET');
    const aggregate = new AggregateError(
      [systemError('ECONNREFUSED'), systemError('ECONNREFUSED')],
      'all failed',
    );
    expect(toTransportError(aggregate, request).code).toBe('CONNECTION_FAILED');
    const fetchStyle = new TypeError('fetch failed', { cause: systemError('ENOTFOUND') });
    expect(toTransportError(fetchStyle, request).causeCode).toBe('ENOTFOUND');
  });

  it('treats a connection the server dropped as CONNECTION_FAILED, fault of the API', () => {
    const error = toTransportError(systemError('ECONNRESET'), request);
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.fault).toBe('api');
  });

  it.each([
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  ])('maps %s to TLS_FAILED', (code) => {
    const error = toTransportError(
      systemError(code, 'certificate problem\n    at TLSSocket (node:_tls_wrap:1)'),
      request,
    );
    expect(error.code).toBe('TLS_FAILED');
    expect(error.fault).toBe('unreachable');
    expect(error.message).toContain('certificate problem');
    expect(error.message).not.toContain('_tls_wrap');
  });

  it('names method, path (without query) and timeout for a timeout', () => {
    const error = toTransportError(systemError('UND_ERR_HEADERS_TIMEOUT'), request);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe(
      'GET /v1/environments timed out after 1000 ms waiting for the response headers from api.pingone.eu.',
    );
  });

  it('labels anything unrecognised REQUEST_FAILED, a suite fault, keeping the cause', () => {
    const original = systemError('UND_ERR_INVALID_ARG', 'invalid header value');
    const error = toTransportError(original, request);
    expect(error.code).toBe('REQUEST_FAILED');
    expect(error.fault).toBe('suite');
    expect(error.cause).toBe(original);
    expect(toTransportError(systemError('HPE_INVALID_CONSTANT'), request).fault).toBe('api');
  });
});

describe('toTransportError: TLS failures name their cause and the fix', () => {
  const https = { method: 'GET', url: 'https://tenant.example:8443/v1/ping', timeoutMs: 1000 };
  const closed = (bytesRead: number) =>
    Object.assign(new Error('other side closed'), {
      code: 'UND_ERR_SOCKET',
      socket: { localPort: 40000, bytesRead },
    });

  it.each([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  ])('%s: the certificate is not signed by a trusted CA; --ca or NODE_EXTRA_CA_CERTS', (code) => {
    const error = toTransportError(systemError(code), https);
    expect(error.code).toBe('TLS_FAILED');
    expect(error.message).toMatch(/not signed by a CA this machine trusts.*--ca FILE.*NODE_EXTRA_CA_CERTS/);
  });

  it.each([
    [
      'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
      false,
      /requires a client certificate and none was sent.*--cert FILE --key FILE/,
    ],
    ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', true, /did not accept the client certificate from --cert/],
    ['ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', true, /did not accept the client certificate/],
  ])('the alert %s (client certificate sent: %s) names the client certificate', (code, sent, message) => {
    const error = toTransportError(systemError(code), { ...https, clientCertificate: { asked: true, sent } });
    expect(error.code).toBe('TLS_FAILED');
    expect(error.fault).toBe('unreachable');
    expect(error.message).toMatch(message);
  });

  it('a connection closed without an answer by a server that asked for a client certificate is a TLS failure', () => {
    const error = toTransportError(closed(0), { ...https, clientCertificate: { asked: true, sent: false } });
    expect(error.code).toBe('TLS_FAILED');
    expect(error.message).toContain('asked for a client certificate, then closed the connection');
    expect(error.message).toContain('--cert FILE --key FILE');
  });

  it('…but not when the server did not ask, or had already answered on that connection', () => {
    for (const failed of [
      toTransportError(closed(0), { ...https, clientCertificate: { asked: false, sent: false } }),
      toTransportError(closed(0), https),
      toTransportError(closed(512), { ...https, clientCertificate: { asked: true, sent: true } }),
    ]) {
      expect(failed.code).toBe('CONNECTION_FAILED');
      expect(failed.fault).toBe('api');
    }
  });

  it('a handshake failure alert is about the client certificate only when the server asked for one', () => {
    const alert = systemError('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE');
    expect(toTransportError(alert, https).message).not.toContain('client certificate');
    expect(
      toTransportError(alert, { ...https, clientCertificate: { asked: true, sent: false } }).message,
    ).toContain('requires a client certificate');
  });
});
