import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliResult } from './run-cli.ts';

/** Shorter values are not secrets the redactor registers (and would match by chance). */
const MIN_LENGTH = 4;

/** Every secret a leak scan looks for, each with a name to report instead of its value. */
export class SecretSet {
  readonly #secrets = new Map<string, string>();
  readonly #labels = new Set<string>();

  /**
   * Remembers `value` (ignored unless a string of 4+ characters) under `label`, its first label if seen
   * before.
   */
  add(label: string, value: unknown): void {
    if (typeof value !== 'string' || value.length < MIN_LENGTH) return;
    this.#labels.add(label);
    if (!this.#secrets.has(value)) this.#secrets.set(value, label);
  }

  /** Remembers every string of `values` (an array such as `recoveryCodes`). */
  addAll(label: string, values: unknown): void {
    if (Array.isArray(values)) for (const value of values) this.add(label, value);
  }

  get size(): number {
    return this.#secrets.size;
  }

  /** Every label a secret was added under, sorted: what kinds of secret the scan covers. */
  labels(): string[] {
    return [...this.#labels].sort();
  }

  entries(): Array<[value: string, label: string]> {
    return [...this.#secrets.entries()];
  }
}

/** A cut this long of a long secret is no coincidence: something truncated it before redacting. */
const FRAGMENT_LENGTH = 20;

/**
 * The forms a secret can take in a report: as is, base64, base64url, URL- and form-encoded, JSON-
 * and XML-escaped, and, for a long secret, its first 20 characters (what a value shortened before
 * redaction shows). A URL's head (scheme, host, label) is not secret, so URLs have no fragment form.
 */
export function secretForms(secret: string): Array<{ form: string; text: string }> {
  const forms = [
    { form: 'plain', text: secret },
    { form: 'base64', text: Buffer.from(secret).toString('base64') },
    { form: 'base64url', text: Buffer.from(secret).toString('base64url') },
    { form: 'URL-encoded', text: encodeURIComponent(secret) },
    { form: 'form-encoded', text: new URLSearchParams([['', secret]]).toString().slice(1) },
    { form: 'JSON-escaped', text: JSON.stringify(secret).slice(1, -1) },
    {
      form: 'XML-escaped',
      text: secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    },
  ];
  if (secret.length >= FRAGMENT_LENGTH + 12 && !secret.includes('://'))
    forms.push({ form: 'leading fragment', text: secret.slice(0, FRAGMENT_LENGTH) });
  return forms.filter((each, index) => forms.findIndex((other) => other.text === each.text) === index);
}

/**
 * True when `text` holds `needle`; an all-digit needle (an OTP) only as a whole number, not inside a
 * timestamp.
 */
function contains(text: string, needle: string): boolean {
  if (!/^\d+$/.test(needle)) return text.includes(needle);
  return new RegExp(`(?<!\\d)${needle}(?!\\d)`).test(text);
}

/** Every leak, as `<where> holds <form> of <label>`; empty when no output holds any secret in any form. */
export function findLeaks(outputs: Readonly<Record<string, string>>, secrets: SecretSet): string[] {
  const leaks: string[] = [];
  for (const [where, text] of Object.entries(outputs)) {
    for (const [secret, label] of secrets.entries()) {
      for (const { form, text: needle } of secretForms(secret)) {
        if (contains(text, needle)) leaks.push(`${where} holds ${form} of ${label}`);
      }
    }
  }
  return [...new Set(leaks)];
}

/** stdout, stderr and whichever of `files` (report files) a run wrote into `directory`. */
export function runOutputs(
  run: CliResult & { readonly directory: string },
  files: readonly string[],
): Record<string, string> {
  const outputs: Record<string, string> = { stdout: run.stdout, stderr: run.stderr };
  for (const name of files) {
    const file = join(run.directory, name);
    if (existsSync(file)) outputs[name] = readFileSync(file, 'utf8');
  }
  return outputs;
}
