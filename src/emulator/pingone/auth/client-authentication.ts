import { timingSafeEqual } from 'node:crypto';
import type { EmulatorRequest } from '../../http/index.ts';

export type ClientCredentials =
  | { kind: 'none' }
  | { kind: 'ambiguous' }
  | { kind: 'malformed' }
  | {
      kind: 'found';
      method: 'client_secret_basic' | 'client_secret_post';
      clientId: string;
      clientSecret: string;
    };

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function fromBasicHeader(header: string): ClientCredentials {
  const [scheme = '', encoded = ''] = header.trim().split(/\s+/);
  if (scheme.toLowerCase() !== 'basic') return { kind: 'none' };
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { kind: 'malformed' };
  // RFC 6749 §2.3.1: id and secret are form-encoded before base64.
  return {
    kind: 'found',
    method: 'client_secret_basic',
    clientId: formDecode(decoded.slice(0, colon)),
    clientSecret: formDecode(decoded.slice(colon + 1)),
  };
}

/** Reads client credentials from the Basic header or the form body (not both). */
export function readClientCredentials(req: EmulatorRequest, form: URLSearchParams): ClientCredentials {
  const header = req.headers.authorization;
  const basic = header === undefined ? ({ kind: 'none' } as const) : fromBasicHeader(header);
  const postId = form.get('client_id');
  const postSecret = form.get('client_secret');
  const post: ClientCredentials =
    postId !== null && postSecret !== null
      ? { kind: 'found', method: 'client_secret_post', clientId: postId, clientSecret: postSecret }
      : { kind: 'none' };
  if (basic.kind !== 'none' && post.kind !== 'none') return { kind: 'ambiguous' };
  return basic.kind !== 'none' ? basic : post;
}

/** Constant-time secret comparison. */
export function secretsEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
