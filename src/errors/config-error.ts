import { IdflowError } from './idflow-error.ts';

/**
 * - `CONFIG_MISSING`: a required variable (or the other half of a pair) is not set;
 * - `CONFIG_INVALID`: a variable is set to a value of the wrong shape;
 * - `CONFIG_FILE`: an env file cannot be read or is malformed.
 */
export type ConfigErrorCode = 'CONFIG_MISSING' | 'CONFIG_INVALID' | 'CONFIG_FILE';

/** What a configuration error is about; the message is redacted when the error is built. */
export interface ConfigErrorDetails {
  code: ConfigErrorCode;
  message: string;
  /** The variable to fix, such as `ACME_CLIENT_SECRET`. */
  variable?: string;
  /** The file to edit, such as `env/acme.env`. */
  file?: string;
  /** An example assignment, such as `ACME_REGION=EU`. Never a real secret. */
  example?: string;
  cause?: unknown;
}

/** The user's configuration is wrong (exit code 2); the message names what to fix and where. */
export class ConfigError extends IdflowError {
  declare readonly code: ConfigErrorCode;
  readonly variable: string | undefined;
  readonly file: string | undefined;
  readonly example: string | undefined;

  constructor(details: ConfigErrorDetails) {
    super(details.code, details.message, { fault: 'config', cause: details.cause });
    this.variable = details.variable;
    this.file = details.file;
    this.example = details.example;
  }
}
