import { IdflowError } from '../errors/idflow-error.ts';

/** A command line idflow cannot act on: unknown command, option or value. Exit code 2. */
export class UsageError extends IdflowError {
  constructor(message: string) {
    super('USAGE', message, { fault: 'config' });
  }
}
