import type { HttpResponse } from '../http/types.ts';
import type { StepDefinition } from './step.ts';

/**
 * Maps a failed response to the documented troubleshooting condition it matches, so a red
 * nightly run says which condition it is before anyone reads the evidence.
 */
export function hintFor(step: StepDefinition, response: HttpResponse | undefined): string | undefined {
  const docs = step.docs ? ` See ${step.docs}` : '';
  if (!response) {
    return `No response: check that apiPath/authPath (PINGONE_API_URL, PINGONE_AUTH_URL or PINGONE_REGION) point at your tenant's region.${docs}`;
  }
  switch (response.status) {
    case 401:
      return `401 Unauthorized: the access token is missing, invalid or expired (tokens live one hour); step 01 gets a new one.${docs}`;
    case 403: {
      const roles = step.roles?.length ? step.roles.join(' or ') : 'the role this call needs';
      return `403 Forbidden: the worker app lacks ${roles} for this environment.${docs}`;
    }
    case 404:
      return `404 Not Found: an id in the path is not one this run created (envID from step 03, sharedUserID from step 05, device ids from steps 09-10), or apiPath points at another region.${docs}`;
    case 415:
      return `415 Unsupported Media Type: this call needs the Content-Type the docs give.${docs}`;
    default:
      return docs ? docs.trim() : undefined;
  }
}
