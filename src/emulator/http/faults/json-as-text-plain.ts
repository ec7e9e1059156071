import type { EmulatorFault } from '../fault.ts';

/**
 * Harmful: every JSON body (resources and errors alike) is labelled `text/plain`. The bytes are
 * still JSON, but a client that honours Content-Type cannot know that: a wrong content type.
 */
export const jsonAsTextPlain: EmulatorFault = {
  name: 'json-as-text-plain',
  description:
    'JSON bodies are answered with Content-Type text/plain;charset=UTF-8 instead of a JSON media type.',
  harmful: true,
  intercept: async (_req, next) => {
    const response = await next();
    const contentType = response.headers?.['content-type'];
    if (
      contentType === undefined
        ? typeof response.body !== 'object' || response.body === null
        : !/json/i.test(contentType)
    )
      return response;
    return { ...response, headers: { ...response.headers, 'content-type': 'text/plain;charset=UTF-8' } };
  },
};
