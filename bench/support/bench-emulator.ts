import { join } from 'node:path';
import { latency } from '../../src/emulator/http/index.ts';
import { dotenvText, writeEnvFile } from '../../src/files/env-file.ts';
import type { RunningEmulator, TargetDescriptor } from '../../src/targets/registry.ts';
import { createRequestLog, type RequestLog } from './request-log.ts';

/** A target's emulator started for the benchmark, its request log and its env file. */
export interface BenchEmulator {
  readonly emulator: RunningEmulator;
  readonly log: RequestLog;
  readonly latencyMs: number;
  /** The dotenv file `idflow emulator --env-out` would write, for `idflow run --env` and export. */
  readonly envFile: string;
}

/**
 * Starts `target`'s emulator in this process through its descriptor, with `latencyMs` added to
 * every response, and a request log. The descriptor's own `latencyMs` delays a request before the
 * faults see it, which would stamp each arrival `latencyMs` late; so it stays 0 and the same
 * `latency()` middleware runs as a fault right after the recorder. Only the correlation headers
 * (which add response headers, whatever the order) then sit outside the delay: the answers and
 * their timing are those of `idflow emulator --latency MS`.
 */
export async function startBenchEmulator(
  target: TargetDescriptor,
  latencyMs: number,
  directory: string,
): Promise<BenchEmulator> {
  const log = createRequestLog();
  const delay = {
    name: 'bench-latency',
    description: `${latencyMs} ms before each answer`,
    harmful: false,
    intercept: latency(latencyMs),
  };
  const emulator = await target.startEmulator({ faults: [log.recorder, delay] });
  const envFile = join(directory, `${target.name}-${latencyMs}ms.env`);
  writeEnvFile(envFile, dotenvText(emulator.env(), `${target.title} emulator at ${emulator.url} (bench)`));
  return { emulator, log, latencyMs, envFile };
}
