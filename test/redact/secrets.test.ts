import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearSecretsForTest,
  redact,
  redactValue,
  registerBasicCredentials,
  registerSecret,
  secretCount,
} from '../../src/redact/secrets.ts';

beforeEach(() => clearSecretsForTest());

describe('redact', () => {
  it('returns text unchanged while nothing is registered', () => {
    expect(secretCount()).toBe(0);
    expect(redact('nothing to hide')).toBe('nothing to hide');
  });

  it('masks a one-time code standing alone, never the digits of a longer number (a report stays valid JSON)', () => {
    registerSecret('811042');
    expect(redact('wrong code 811042.')).toBe('wrong code [REDACTED].');
    expect(redact('otp=811042&x')).toBe('otp=[REDACTED]&x');
    expect(redact('{"otp":"811042"}')).toBe('{"otp":"[REDACTED]"}');
    const report = JSON.stringify({ durationMs: 47.8110421, startMs: 1811042, took: 3.811042, at: 811042.5 });
    expect(redact(report)).toBe(report);
    expect(() => JSON.parse(redact(report))).not.toThrow();
  });

  it('masks every occurrence of a registered secret', () => {
    registerSecret('hunter22');
    expect(redact('a hunter22 b hunter22')).toBe('a [REDACTED] b [REDACTED]');
  });

  it('masks the URL-encoded form (encodeURIComponent) in a query string', () => {
    const secret = 'a b/c?d&e=f';
    registerSecret(secret);
    expect(redact(`https://x/?s=${encodeURIComponent(secret)}&t=1`)).toBe('https://x/?s=[REDACTED]&t=1');
  });

  it('masks the form-encoded form (URLSearchParams: space as +, ! and ~ escaped)', () => {
    const secret = "pass word!~'()";
    registerSecret(secret);
    const body = new URLSearchParams({ grant_type: 'password', password: secret }).toString();
    expect(redact(body)).toBe('grant_type=password&password=[REDACTED]');
  });

  it('masks the JSON-escaped form inside serialized JSON', () => {
    const secret = 'quote"back\\slash';
    registerSecret(secret);
    expect(redact(JSON.stringify({ password: secret }))).toBe('{"password":"[REDACTED]"}');
  });

  it('masks base64 and base64url of the secret', () => {
    const secret = 'secret>>>???';
    registerSecret(secret);
    const base64 = Buffer.from(secret).toString('base64');
    const base64url = Buffer.from(secret).toString('base64url');
    expect(base64).not.toBe(base64url);
    expect(redact(`b=${base64} u=${base64url}`)).toBe('b=[REDACTED] u=[REDACTED]');
  });

  it('masks the base64 of id:secret in a Basic header after registerBasicCredentials', () => {
    registerBasicCredentials('client-id-1', 'client-secret-1');
    const header = `Basic ${Buffer.from('client-id-1:client-secret-1').toString('base64')}`;
    expect(redact(header)).toBe('Basic [REDACTED]');
    expect(redact('client-secret-1')).toBe('[REDACTED]');
    // The client id alone is not a secret.
    expect(redact('client-id-1')).toBe('client-id-1');
  });

  it('masks every transformed form of the Basic header value a tenant may echo', () => {
    registerBasicCredentials('client-id-2', 'client-secret-2~');
    const value = Buffer.from('client-id-2:client-secret-2~').toString('base64');
    // Padding and `+`/`/` make the URL-encoded form of the header value differ from the value.
    expect(encodeURIComponent(value)).not.toBe(value);
    const echoed = [
      `Basic%20${encodeURIComponent(value)}`,
      Buffer.from(value).toString('base64url'),
      Buffer.from(value).toString('base64'),
      JSON.stringify({ authorization: `Basic ${value}` }),
    ];
    expect(echoed.map(redact)).toEqual([
      'Basic%20[REDACTED]',
      '[REDACTED]',
      '[REDACTED]',
      '{"authorization":"Basic [REDACTED]"}',
    ]);
  });

  it('masks the XML-escaped form a JUnit report writes', () => {
    const secret = `a<b>&"c'd`;
    registerSecret(secret);
    const xml = secret
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
    expect(redact(`<failure message="${xml}"/>`)).toBe('<failure message="[REDACTED]"/>');
    expect(redact(xml.replace(/'/g, '&apos;'))).toBe('[REDACTED]');
  });

  it('masks the longest match first, so a secret containing another is masked whole', () => {
    registerSecret('abcd');
    registerSecret('abcdefgh');
    expect(redact('xx abcdefgh yy abcd')).toBe('xx [REDACTED] yy [REDACTED]');
    expect(redact('abcdefgh')).not.toContain('efgh');
  });

  it('ignores values shorter than four characters (and empty ones)', () => {
    registerSecret('abc');
    registerSecret('');
    registerSecret(undefined);
    registerSecret(null);
    expect(secretCount()).toBe(0);
    expect(redact('abc abc')).toBe('abc abc');
    registerSecret('abcd');
    expect(redact('abcd')).toBe('[REDACTED]');
  });

  it('treats regex metacharacters in a secret literally', () => {
    registerSecret('a.b*c+d');
    expect(redact('a.b*c+d axbbbcd')).toBe('[REDACTED] axbbbcd');
  });

  it('picks up secrets registered after an earlier redact', () => {
    registerSecret('first-secret');
    expect(redact('first-secret second-secret')).toBe('[REDACTED] second-secret');
    registerSecret('second-secret');
    expect(redact('first-secret second-secret')).toBe('[REDACTED] [REDACTED]');
  });

  it('forgets everything after clearSecretsForTest', () => {
    registerSecret('gone-soon');
    clearSecretsForTest();
    expect(redact('gone-soon')).toBe('gone-soon');
  });
});

describe('redactValue', () => {
  it('redacts every string deeply and returns a copy', () => {
    registerSecret('deep-secret');
    const value = {
      top: 'deep-secret',
      list: ['ok', 'x deep-secret y', { nested: ['deep-secret'] }],
      count: 3,
      flag: true,
      nothing: null,
      missing: undefined,
    };
    const copy = redactValue(value);
    expect(copy).toEqual({
      top: '[REDACTED]',
      list: ['ok', 'x [REDACTED] y', { nested: ['[REDACTED]'] }],
      count: 3,
      flag: true,
      nothing: null,
      missing: undefined,
    });
    expect(copy).not.toBe(value);
    expect(value.top).toBe('deep-secret');
    expect(value.list[2]).toEqual({ nested: ['deep-secret'] });
  });

  it('keeps the shape of a value with cycles (a vitest task tree)', () => {
    registerSecret('cyclic-secret');
    const file: { name: string; tasks: Array<Record<string, unknown>> } = { name: 'f', tasks: [] };
    file.tasks.push({ name: 'cyclic-secret', file, suite: file });
    const copy = redactValue(file);
    expect(copy.tasks[0]?.name).toBe('[REDACTED]');
    expect(copy.tasks[0]?.file).toBe(copy);
    expect(file.tasks[0]?.name).toBe('cyclic-secret');
  });

  it('redacts an error: message, stack, own fields and its cause chain, keeping its class', () => {
    registerSecret('error-secret');
    class Tagged extends Error {
      readonly detail = { echoed: 'Bearer error-secret' };
    }
    const error = new Tagged('failed with error-secret', { cause: new Error('inner error-secret') });
    const copy = redactValue(error);
    expect(copy).toBeInstanceOf(Tagged);
    expect(copy.message).toBe('failed with [REDACTED]');
    expect(copy.stack).not.toContain('error-secret');
    expect(copy.detail).toEqual({ echoed: 'Bearer [REDACTED]' });
    expect((copy.cause as Error).message).toBe('inner [REDACTED]');
    expect(error.message).toBe('failed with error-secret');
  });

  it('returns a value that holds no secret itself (an error keeps its identity as a cause)', () => {
    registerSecret('absent-secret');
    const error = new Error('nothing here');
    const value = { error, list: ['ok'] };
    expect(redactValue(value)).toBe(value);
    expect(redactValue(error)).toBe(error);
  });

  it('redacts a plain string and passes other primitives through', () => {
    registerSecret('plain-secret');
    expect(redactValue('plain-secret!')).toBe('[REDACTED]!');
    expect(redactValue(42)).toBe(42);
    expect(redactValue(undefined)).toBeUndefined();
  });
});
