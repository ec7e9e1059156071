import { registerSecret } from '../../redact/secrets.ts';

/** Where a run variable came from: configuration, generated test data, or a step's capture. */
export interface VariableOrigin {
  /** `config`, `data`, or the id of the step that captured it. */
  readonly from: string;
  readonly secret: boolean;
  /** For configured values: the variable a user sets, such as `ACME_API_URL`. */
  readonly source?: string;
  /**
   * Set when a step of this run read the value from its own answer (a capture: the id of
   * something the run just created), as opposed to configuration, test data, or values a
   * substitute step accepted (an existing environment named by the configuration).
   */
  readonly captured?: true;
}

/**
 * The run's variables, named as in the vendor's docs. Secrets are registered with the redactor
 * the moment they are stored, so nothing captured later can leak through a report.
 */
export class RunVariables {
  readonly #values = new Map<string, unknown>();
  readonly #origins = new Map<string, VariableOrigin>();

  set(
    name: string,
    value: unknown,
    origin: { from: string; secret?: boolean; source?: string; captured?: boolean },
  ): void {
    const secret = origin.secret ?? false;
    if (secret && typeof value === 'string') registerSecret(value);
    this.#values.set(name, value);
    this.#origins.set(name, {
      from: origin.from,
      secret,
      ...(origin.source === undefined ? {} : { source: origin.source }),
      ...(origin.captured ? { captured: true as const } : {}),
    });
  }

  get(name: string): unknown {
    return this.#values.get(name);
  }

  /** The value as a string; throws when absent (callers check `missing` first). */
  text(name: string): string {
    const value = this.#values.get(name);
    if (value === undefined) throw new Error(`Run variable ${name} is not set`);
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  delete(name: string): void {
    this.#values.delete(name);
    this.#origins.delete(name);
  }

  origin(name: string): VariableOrigin | undefined {
    return this.#origins.get(name);
  }

  missing(names: readonly string[]): string[] {
    return names.filter((name) => !this.#values.has(name));
  }

  /** A lookup function for templates. */
  readonly lookup = (name: string): unknown => this.#values.get(name);
}
