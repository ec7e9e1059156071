import { expect, test } from 'vitest';
import { isLerianTokenRejection } from '../../src/targets/lerian-identity/token-rejection.ts';
import type { HttpResponse } from '../../src/http/types.ts';

function answer(status: number, json: unknown): HttpResponse {
  return { status, headers: {}, bodyText: JSON.stringify(json), json, durationMs: 1 };
}

test('only a 401 saying the token is expired, invalid or malformed (IDE-0009, AUT-0007) is a rejection a new token fixes', () => {
  expect(
    isLerianTokenRejection(answer(401, { code: 'IDE-0009', title: 'Invalid Token', message: '…' })),
  ).toBe(true);
  expect(
    isLerianTokenRejection(answer(401, { code: 'AUT-0007', title: 'Invalid Token', message: '…' })),
  ).toBe(true);
  // A missing token, a wrong password, a spent mfaToken, or a 403 is not fixed by a new run token.
  expect(isLerianTokenRejection(answer(401, { code: 'IDE-0008' }))).toBe(false);
  expect(isLerianTokenRejection(answer(401, { code: 'AUT-1002' }))).toBe(false);
  expect(isLerianTokenRejection(answer(401, { code: 'AUT-1003' }))).toBe(false);
  expect(isLerianTokenRejection(answer(403, { code: 'IDE-0009' }))).toBe(false);
  expect(isLerianTokenRejection(answer(401, 'not json'))).toBe(false);
});
