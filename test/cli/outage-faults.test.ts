import { expect, test } from 'vitest';
import { outageFaults } from '../../src/cli/outage-faults.ts';
import { TransportError } from '../../src/http/transport-error.ts';

function transport(url: string, fault: 'api' | 'unreachable', causeCode: string): TransportError {
  return new TransportError({
    method: 'GET',
    url,
    causeCode,
    code: 'CONNECTION_FAILED',
    fault,
    message: `${causeCode} for ${url}`,
  });
}

/** A step's failure wrapping a transport error, as vitest serializes it (a plain object with its cause). */
function failure(cause: TransportError): unknown {
  return {
    name: 'StepFailedError',
    fault: cause.fault,
    cause: { ...cause, fault: cause.fault, code: cause.code },
  };
}

test('a connection dropped mid-request to a host the run found unreachable is part of the outage', () => {
  const refused = transport('http://127.0.0.1:4000/v1/x', 'unreachable', 'ECONNREFUSED');
  const dropped = transport('http://127.0.0.1:4000/v1/y', 'api', 'UND_ERR_SOCKET');
  const elsewhere = transport('http://127.0.0.1:5000/v1/y', 'api', 'ECONNRESET');
  expect(outageFaults([failure(refused), failure(dropped), failure(elsewhere)])).toEqual([
    'unreachable',
    'unreachable',
    'api',
  ]);
  // No outage: a dropped connection stays the API's fault, and other failures keep theirs.
  expect(outageFaults([failure(dropped), { fault: 'api' }, { fault: 'config' }])).toEqual([
    'api',
    'api',
    'config',
  ]);
  // Live errors (idflow's own scheduler keeps them) read the same.
  expect(outageFaults([refused, dropped])).toEqual(['unreachable', 'unreachable']);
});
