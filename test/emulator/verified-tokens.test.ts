import { errors } from 'jose';
import { expect, test, vi } from 'vitest';
import { TokenSigner } from '../../src/emulator/pingone/auth/token-signer.ts';

const claims = {
  clientId: 'app',
  environmentId: 'env',
  organizationId: 'org',
  issuer: 'http://127.0.0.1/env/as',
  audience: 'https://api.pingone.com',
};

test('a token presented again is not verified again, yet still refused once it has expired', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    const signer = await TokenSigner.create();
    const { token, expiresAt } = await signer.sign({ ...claims, ttlSeconds: 60 });
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const first = await signer.verify(token);
    expect(await signer.verify(token)).toEqual(first);
    expect(verify).toHaveBeenCalledTimes(1);
    vi.setSystemTime((expiresAt - 1) * 1000);
    await expect(signer.verify(token)).resolves.toMatchObject({ exp: expiresAt });
    vi.setSystemTime(expiresAt * 1000);
    await expect(signer.verify(token)).rejects.toBeInstanceOf(errors.JWTExpired);
  } finally {
    vi.useRealTimers();
    vi.restoreAllMocks();
  }
});

test('a token one character away from a verified one is verified in full, and refused', async () => {
  const signer = await TokenSigner.create();
  const { token } = await signer.sign({ ...claims, ttlSeconds: 60 });
  await signer.verify(token);
  const last = token.at(-2) === 'A' ? 'B' : 'A';
  const tampered = `${token.slice(0, -2)}${last}${token.slice(-1)}`;
  await expect(signer.verify(tampered)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
});
