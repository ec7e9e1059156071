/**
 * The one redaction mechanism: every secret a process learns (client secret, access tokens,
 * passwords, TOTP secrets, OTPs) is registered here once, the moment it is known (a Basic
 * header's forms before the request is sent), and every sink passes text through `redact`:
 * errors when they are built, each process's stdout and stderr (`output-gate.ts`), whatever a
 * vitest worker sends its reporters (`src/runner/redact-worker-rpc.ts`) and the report files
 * (`redactFile`). Derived forms are registered with the secret so that a Basic header, a URL
 * query, a JSON string, an XML attribute or a tenant's base64 echo cannot smuggle it out.
 */
const MASK = '[REDACTED]';
const MIN_LENGTH = 4;

const secrets = new Set<string>();

/** `application/x-www-form-urlencoded` differs from encodeURIComponent (space as `+`; `!'()~` escaped). */
function formEncoded(secret: string): string {
  return new URLSearchParams([['', secret]]).toString().slice(1);
}

/** How a JUnit report (XML) writes text: `&<>"` always, `'` as `&apos;` by some writers. */
function xmlEscaped(secret: string): string[] {
  const escaped = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return [escaped, escaped.replace(/'/g, '&apos;')];
}

function derivedForms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    formEncoded(secret),
    JSON.stringify(secret).slice(1, -1),
    ...xmlEscaped(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ];
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
  if (added) index = undefined;
}

/**
 * Registers the credentials of a Basic header: the secret, `id:secret`, and the header's value
 * (the base64 of `id:secret`) as a secret of its own, so that a tenant echoing the header back
 * URL-encoded or base64-encoded once more is masked too. Call it before the request is sent: the
 * echo can come in the very response to it.
 */
export function registerBasicCredentials(clientId: string, clientSecret: string): void {
  registerSecret(clientSecret);
  registerSecret(`${clientId}:${clientSecret}`);
  registerSecret(Buffer.from(`${clientId}:${clientSecret}`).toString('base64'));
}

/** Every form indexed by its first four characters (forms are at least that long), longest first. */
let index: Map<number, string[]> | undefined;

function keyAt(text: string, at: number): number {
  return (
    ((text.charCodeAt(at) * 65_599 + text.charCodeAt(at + 1)) * 65_599 + text.charCodeAt(at + 2)) * 65_599 +
    text.charCodeAt(at + 3)
  );
}

function formIndex(): Map<number, string[]> {
  if (index) return index;
  index = new Map();
  for (const form of [...secrets].sort((a, b) => b.length - a.length)) {
    const key = keyAt(form, 0);
    const forms = index.get(key);
    if (forms) forms.push(form);
    else index.set(key, [form]);
  }
  return index;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const DOT = 46;

/**
 * Whether a secret of digits alone (a one-time code) stands alone at `at`: not part of a longer
 * number. The digits `811042` inside a duration of `47.8110421` ms are no code, and masking them
 * would corrupt the number (and a JSON report with it).
 */
function standsAlone(text: string, at: number, length: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + length);
  if (isDigit(before) || (before === DOT && isDigit(text.charCodeAt(at - 2)))) return false;
  return !(isDigit(after) || (after === DOT && isDigit(text.charCodeAt(at + length + 1))));
}

const DIGITS = /^[0-9]+$/;

/** The registered form that starts at `at`, the longest first; undefined when none does. */
function formAt(text: string, at: number, forms: Map<number, string[]>): string | undefined {
  const candidates = forms.get(keyAt(text, at));
  if (candidates === undefined) return undefined;
  return candidates.find(
    (form) => text.startsWith(form, at) && (!DIGITS.test(form) || standsAlone(text, at, form.length)),
  );
}

/**
 * Replaces every registered secret (and derived form) in `text` with `[REDACTED]`: one pass over
 * the text, looking up the forms that begin with each position's four characters, so its cost
 * grows with the text, not with how many secrets a run has learnt (hundreds of tokens).
 */
export function redact(text: string): string {
  if (secrets.size === 0 || text.length < MIN_LENGTH) return text;
  const forms = formIndex();
  let out = '';
  let copied = 0;
  for (let at = 0; at <= text.length - MIN_LENGTH;) {
    const form = formAt(text, at, forms);
    if (form === undefined) {
      at += 1;
      continue;
    }
    out += text.slice(copied, at) + MASK;
    at += form.length;
    copied = at;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function redactIn(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(redactIn(item, copies));
    return copy;
  }
  // Errors keep their class and every own field (message and stack are not enumerable).
  if (!isPlainObject(value) && !(value instanceof Error)) return value;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  copies.set(value, copy);
  const own = value instanceof Error ? Object.getOwnPropertyNames(value) : Object.keys(value);
  for (const key of own) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined) continue;
    if ('value' in descriptor) descriptor.value = redactIn(descriptor.value, copies);
    Object.defineProperty(copy, key, { ...descriptor, configurable: true, writable: true });
  }
  return copy;
}

/** The strings and containers `redactIn` would look into. */
function children(value: object): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isPlainObject(value) && !(value instanceof Error)) return [];
  const own = value instanceof Error ? Object.getOwnPropertyNames(value) : Object.keys(value);
  return own.map((key) => Object.getOwnPropertyDescriptor(value, key)?.value);
}

/** True when some string inside `value` holds a registered secret. */
function holdsSecret(value: unknown, seen: Set<object>): boolean {
  if (typeof value === 'string') return redact(value) !== value;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return children(value).some((child) => holdsSecret(child, seen));
}

/**
 * Redacts every string inside a value, returning a copy of the same shape: plain objects,
 * arrays (cycles kept, as in a vitest task tree) and errors (class, message, stack, own fields
 * and `cause` chain). Other objects (dates, maps, buffers) are passed on as they are. A value
 * that holds no secret is returned itself, not copied.
 */
export function redactValue<T>(value: T): T {
  if (secrets.size === 0 || !holdsSecret(value, new Set())) return value;
  return redactIn(value, new Map()) as T;
}

/** True once at least one secret is registered; used by tests of the mechanism. */
export function secretCount(): number {
  return secrets.size;
}

/** Forgets every registered secret. For the project's own tests only. */
export function clearSecretsForTest(): void {
  secrets.clear();
  index = undefined;
}
