import { IdflowError } from '../errors/idflow-error.ts';
import { gateProcessOutput } from '../redact/output-gate.ts';
import { redact } from '../redact/secrets.ts';
import { endStartUp } from './early-interrupt.ts';
import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { USAGE, commandHelp } from './usage.ts';
import { idflowVersion } from './version.ts';

/**
 * Entry point of the `idflow` command. A user's mistake (bad option, bad configuration)
 * becomes a one-paragraph message and exit code 2, never a stack trace. Everything any command
 * writes to stdout or stderr, reporters included, passes the redaction gate first.
 */
export async function main(argv: readonly string[]): Promise<ExitCode> {
  gateProcessOutput();
  const [command, ...rest] = argv;
  // `idflow run --help` (or -h) anywhere in a command's options: its help, and nothing else runs.
  const help = command === undefined ? undefined : commandHelp(command);
  if (help !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(`${help}\n`);
    return EXIT.passed;
  }
  try {
    switch (command) {
      // Each command loads only its own modules: `idflow run` starts two processes per run.
      case 'run':
        try {
          return await (await import('./run-command.ts')).runCommand(rest, { startedListening: endStartUp });
        } finally {
          endStartUp();
        }
      case 'emulator':
        return await (await import('./emulator-command.ts')).emulatorCommand(rest);
      case 'doctor':
        return await (await import('./doctor-command.ts')).doctorCommand(rest);
      case 'sweep':
        return await (await import('./sweep-command.ts')).sweepCommand(rest);
      case 'list':
        return await (await import('./list-command.ts')).listCommand(rest);
      case 'export':
        return await (await import('./export-command.ts')).exportCommand(rest);
      case 'compare':
        return await (await import('./compare-command.ts')).compareCommand(rest);
      case 'selftest':
        return await (await import('./selftest-command.ts')).selftestCommand(rest);
      case '--version':
      case '-V':
      case 'version':
        process.stdout.write(`idflow ${idflowVersion()}\n`);
        return EXIT.passed;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.passed;
      default:
        process.stderr.write(`idflow: unknown command "${command}".\n\n${USAGE}\n`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof IdflowError && error.fault === 'config') {
      process.stderr.write(`idflow: ${error.message}\n`);
      return EXIT.usage;
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`idflow: internal error (a bug in idflow, please report it):\n${redact(text)}\n`);
    return EXIT.failed;
  }
}
