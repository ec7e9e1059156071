import { latency, rewriteJsonResponses } from '../../http/index.ts';
import type { EmulatorFault } from '../../http/index.ts';

/** Error bodies that break the documented ErrorMessage, and behaviour clients must tolerate. */
export const protocolFaults: readonly EmulatorFault[] = [
  {
    name: 'error-without-code',
    description: 'ErrorMessage bodies lose their code field.',
    harmful: true,
    intercept: rewriteJsonResponses(
      (_req, response) => response.status >= 400,
      (body) => delete body.code,
    ),
  },
  {
    name: 'extra-unknown-fields',
    description: 'Adds an unknown field to every JSON object answered (a newer API version).',
    harmful: false,
    intercept: rewriteJsonResponses(
      () => true,
      (body) => (body.addedByNewerVersion = { note: 'clients must ignore unknown fields' }),
    ),
  },
  { name: 'slow', description: 'Adds 200 ms to every request.', harmful: false, intercept: latency(200) },
];
