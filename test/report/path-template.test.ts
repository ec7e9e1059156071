import { describe, expect, it } from 'vitest';
import { pathTemplate } from '../../src/report/path-template.ts';

describe('path templates', () => {
  it.each([
    [
      'https://api.pingone.eu/v1/environments/6f1c2a3b-0000-4000-8000-00000000000a/users',
      '/v1/environments/{id}/users',
    ],
    ['https://auth.pingone.eu/6F1C2A3B-0000-4000-8000-00000000000A/as/token', '/{id}/as/token'],
    ['http://127.0.0.1:4000/v1/organizations', '/v1/organizations'],
    ['http://127.0.0.1:4000/v1/users/01JD7Z9K3M2Q8R4T6V5W0X1Y2Z/mfa', '/v1/users/{id}/mfa'],
    ['http://127.0.0.1:4000/v1/users/me/mfa-settings?expand=x', '/v1/users/me/mfa-settings'],
  ])('%s → %s', (url, expected) => {
    expect(pathTemplate(url)).toBe(expected);
  });

  it('leaves names alone, however long, when they hold no digit', () => {
    expect(pathTemplate('https://h/v1/environments/deviceAuthenticationPolicies')).toBe(
      '/v1/environments/deviceAuthenticationPolicies',
    );
  });
});
