import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

/** The options a command accepts, as node:util parseArgs declares them. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into UsageError (exit code 2). */
export function parseOptions<T extends CommandOptions>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(
      `${error instanceof Error ? error.message : String(error)}. Run 'idflow help' for usage.`,
    );
  }
}

/** As {@link parseOptions}, for a command that also takes operands (`idflow compare OLD NEW`). */
export function parseCommandLine<T extends CommandOptions>(argv: readonly string[], options: T) {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values, positionals };
  } catch (error) {
    throw new UsageError(
      `${error instanceof Error ? error.message : String(error)}. Run 'idflow help' for usage.`,
    );
  }
}

/** A whole number option within bounds, or UsageError naming the option. */
export function integerOption(
  name: string,
  value: string | undefined,
  bounds: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < bounds.min || number > bounds.max) {
    throw new UsageError(
      `--${name} must be a whole number from ${bounds.min} to ${bounds.max}, got "${value}" (e.g. ` +
        `--${name} ${bounds.min === 0 ? 0 : bounds.min}).`,
    );
  }
  return number;
}
