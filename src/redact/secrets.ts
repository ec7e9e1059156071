/**
 * The one redaction mechanism: every secret the run learns (client secret, access tokens,
 * passwords, TOTP secrets, OTPs) is registered here once, and every sink (errors, evidence,
 * console, reports) passes text through `redact`. Derived forms are registered with the secret so
 * that a Basic header, a URL query or a JSON string cannot smuggle it out.
 */
const MASK = '[REDACTED]';
const MIN_LENGTH = 4;

const secrets = new Set<string>();
let pattern: RegExp | undefined;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `application/x-www-form-urlencoded` differs from encodeURIComponent (space as `+`; `!'()~` escaped). */
function formEncoded(secret: string): string {
  return new URLSearchParams([['', secret]]).toString().slice(1);
}

function derivedForms(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    formEncoded(secret),
    JSON.stringify(secret).slice(1, -1),
  ];
  forms.push(Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url'));
  return forms;
}

/** Registers a secret and its derived forms. Values shorter than four characters are ignored. */
export function registerSecret(secret: string | undefined | null): void {
  if (!secret || secret.length < MIN_LENGTH) return;
  let added = false;
  for (const form of derivedForms(secret)) {
    if (form.length >= MIN_LENGTH && !secrets.has(form)) {
      secrets.add(form);
      added = true;
    }
  }
  if (added) pattern = undefined;
}

/** Registers the credentials of a Basic header, including the base64 of `id:secret`. */
export function registerBasicCredentials(clientId: string, clientSecret: string): void {
  registerSecret(clientSecret);
  registerSecret(`${clientId}:${clientSecret}`);
}

/** Replaces every registered secret (and derived form) in `text` with `[REDACTED]`. */
export function redact(text: string): string {
  if (secrets.size === 0) return text;
  if (!pattern) {
    // Longest first, so a secret that contains another is masked whole.
    const alternatives = [...secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
    pattern = new RegExp(alternatives.join('|'), 'g');
  }
  return text.replace(pattern, MASK);
}

/** Redacts every string inside a JSON-like value, returning a copy. */
export function redactValue<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactValue(item)) as T;
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redactValue(item);
    return copy as T;
  }
  return value;
}

/** True once at least one secret is registered; used by tests of the mechanism. */
export function secretCount(): number {
  return secrets.size;
}

/** Forgets every registered secret. For the project's own tests only. */
export function clearSecretsForTest(): void {
  secrets.clear();
  pattern = undefined;
}
