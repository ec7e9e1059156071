import { resolve } from 'node:path';
import { selectTargets } from './select-targets.ts';
import { dotenvText, writeEnvFile } from '../files/env-file.ts';
import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { integerOption, parseOptions, type CommandOptions } from './parse-options.ts';
import { UsageError } from './usage-error.ts';
import { emulatorTlsOption } from './emulator-tls-option.ts';
import {
  TARGETS,
  type EmulatorStartOptions,
  type RunningEmulator,
  type TargetDescriptor,
} from '../targets/registry.ts';

async function faultsByName(target: TargetDescriptor, names: readonly string[]) {
  if (names.length === 0) return [];
  const faults = await target.faults();
  return names.map((name) => {
    const fault = faults.find((each) => each.name === name);
    if (!fault)
      throw new UsageError(
        `unknown fault "${name}" for ${target.name}. Known: ${faults.map((each) => each.name).join(', ')}.`,
      );
    return fault;
  });
}

/** Resolves when the process is asked to stop (Ctrl-C or a supervisor's SIGTERM). */
function untilStopped(): Promise<string> {
  return new Promise((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
}

const LISTEN_PROBLEMS: Record<string, string> = {
  EADDRINUSE: 'is already in use; choose another --port (or 0 for any free port)',
  EACCES: 'needs privileges; choose a --port above 1023',
  EADDRNOTAVAIL: 'is not an address of this machine; use --host 127.0.0.1',
};

/** Starts the emulator, turning listen errors (port taken, bad host) into usage errors. */
async function startOrExplain(
  target: TargetDescriptor,
  options: EmulatorStartOptions,
): Promise<RunningEmulator> {
  try {
    return await target.startEmulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const problem = LISTEN_PROBLEMS[code];
    if (problem) throw new UsageError(`${options.host ?? '127.0.0.1'}:${options.port ?? 0} ${problem}.`);
    throw error;
  }
}

/** The options `idflow emulator` accepts (the pipeline templates' tests read them too). */
export const EMULATOR_OPTIONS = {
  target: { type: 'string', default: TARGETS[0]?.name },
  port: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  'env-out': { type: 'string' },
  latency: { type: 'string' },
  'token-ttl': { type: 'string' },
  'client-secret': { type: 'string' },
  fault: { type: 'string', multiple: true },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
} satisfies CommandOptions;

/**
 * `idflow emulator`: a standalone tenant emulator on one origin, until interrupted. With
 * `--env-out FILE` it writes the variables `idflow run --env FILE` needs, secrets included
 * (written owner-readable only, 0600, even over an existing file; a symbolic link is refused);
 * secrets are never printed.
 */
export async function emulatorCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(argv, EMULATOR_OPTIONS);
  const [target] = selectTargets(options.target);
  if (!target) throw new UsageError('no target selected');
  const port = integerOption('port', options.port, { min: 0, max: 65535 });
  const latencyMs = integerOption('latency', options.latency, { min: 0, max: 600_000 });
  const tokenTtlSeconds = integerOption('token-ttl', options['token-ttl'], { min: 1, max: 86_400 });
  const secret = options['client-secret'];
  if (secret !== undefined && secret.length < 8)
    throw new UsageError('--client-secret must be at least 8 characters.');
  const tls = emulatorTlsOption(options['tls-cert'], options['tls-key']);

  const emulator = await startOrExplain(target, {
    host: options.host,
    ...(port === undefined ? {} : { port }),
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds }),
    ...(secret === undefined ? {} : { clientSecret: secret }),
    faults: await faultsByName(target, options.fault ?? []),
    ...(tls === undefined ? {} : { tls }),
  });
  // Listening for the stop signal before announcing anything: whoever reads the announcement may
  // signal at once (a supervisor, a test), and a signal with no listener would kill the process.
  const stopping = untilStopped();
  process.stdout.write(`${target.title} emulator listening on ${emulator.url}\n`);
  if (options['env-out']) {
    const file = resolve(options['env-out']);
    try {
      writeEnvFile(
        file,
        dotenvText(
          emulator.env(),
          `${target.title} emulator at ${emulator.url}\nUse with: idflow run --target ${target.name} ` +
            `--env ${options['env-out']}`,
        ),
      );
    } catch (error) {
      // An open listener would keep this process alive after the usage error.
      await emulator.close();
      throw error;
    }
    process.stdout.write(
      `wrote ${options['env-out']} (run: idflow run --target ${target.name} --env ${options['env-out']})\n`,
    );
  }
  if (options.fault?.length) process.stdout.write(`faults: ${options.fault.join(', ')}\n`);
  const signal = await stopping;
  await emulator.close();
  process.stdout.write(`stopped (${signal})\n`);
  return EXIT.passed;
}
