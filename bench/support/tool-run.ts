import { join } from 'node:path';
import { RUN_PREFIX } from '../../src/flow/run/run-id.ts';
import { childEnvironment } from '../../src/selftest/child-environment.ts';
import type { BenchEmulator } from './bench-emulator.ts';
import { machineCpu } from './machine-cpu.ts';
import { ticksToMs } from './proc-stat.ts';
import { measuredSpawn, type Measurement } from './measured-spawn.ts';
import type { LoggedRequest } from './request-log.ts';
import type { ToolCommand, ToolName } from './tool-commands.ts';

/** A request as the preflight check compares it: method and path. */
export type RequestKey = Pick<LoggedRequest, 'method' | 'path'>;

/** One measured run of one tool against the benchmark's emulator. */
export interface ToolRun {
  readonly tool: ToolName;
  /** 1-based; 0 for a warm-up run. */
  readonly repetition: number;
  readonly measurement: Measurement;
  /** Requests the emulator received during the run. */
  readonly requests: number;
  /** Spawn → the first request the emulator received, ms; undefined when none arrived. */
  readonly firstRequestMs: number | undefined;
  /** How many of the first requests were the tool's preflight (0 for none). */
  readonly preflightRequests: number;
  /**
   * Spawn → the first request after the preflight, ms; undefined when the run's first requests were
   * not the expected preflight (or it sent nothing after it).
   */
  readonly firstFlowRequestMs: number | undefined;
  /** Resources named like a run's that the run added to the emulator and did not delete. */
  readonly leftovers: number;
  /**
   * CPU the rest of the machine used during the run, ms: every core's busy time minus the tool's
   * tree and this process (the emulator, the sampler). Other work competing for the cores skews
   * wall times and start-ups.
   */
  readonly otherCpuMs: number;
  /** CPU time the hypervisor stole from this machine's cores during the run, ms. */
  readonly stealMs: number;
  /** Why the run does not count (non-zero exit, timeout, leftovers); empty for a sound run. */
  readonly problems: readonly string[];
  readonly stdoutFile: string;
  readonly stderrFile: string;
}

/** What a tool run needs besides its command. */
export interface ToolRunOptions {
  readonly repetition: number;
  /** The working directory (idflow keeps its ledger in `.idflow/` there) and where logs go. */
  readonly directory: string;
  readonly sampleIntervalMs: number;
  readonly timeoutMs: number;
  /** The requests the tool sends before its flow (idflow's read-only preflight), in any order. */
  readonly preflight: readonly RequestKey[];
}

const keyOf = (request: RequestKey): string => `${request.method} ${request.path}`;

/** Whether `sent` are the `expected` requests, in any order: the preflight sends reads side by side. */
export function samePreflight(sent: readonly RequestKey[], expected: readonly RequestKey[]): boolean {
  if (sent.length !== expected.length) return false;
  const sorted = (requests: readonly RequestKey[]) => requests.map(keyOf).sort().join('\n');
  return sorted(sent) === sorted(expected);
}

/** Runs `command` once against `bench`'s emulator and measures it (see `measuredSpawn`). */
export async function measureToolRun(
  command: ToolCommand,
  bench: BenchEmulator,
  options: ToolRunOptions,
): Promise<ToolRun> {
  const name = `${command.tool}-${bench.latencyMs}ms-${options.repetition === 0 ? 'warmup' : options.repetition}`;
  const stdoutFile = join(options.directory, `${name}.stdout.log`);
  const stderrFile = join(options.directory, `${name}.stderr.log`);
  const cpuBefore = machineCpu();
  const ownBefore = process.cpuUsage();
  const firstIndex = bench.log.requests.length;
  const leftoversBefore = bench.emulator.leftovers(`${RUN_PREFIX}-`).length;
  const measurement = await measuredSpawn(command.command, command.args, {
    cwd: options.directory,
    env: childEnvironment(),
    stdoutFile,
    stderrFile,
    sampleIntervalMs: options.sampleIntervalMs,
    timeoutMs: options.timeoutMs,
  });
  const cpuAfter = machineCpu();
  const own = process.cpuUsage(ownBefore);
  const requests = bench.log.since(firstIndex);
  const since = (request: LoggedRequest | undefined): number | undefined =>
    request === undefined ? undefined : request.at - measurement.spawnedAt;
  const preflightSent = samePreflight(requests.slice(0, options.preflight.length), options.preflight);
  const leftovers = bench.emulator.leftovers(`${RUN_PREFIX}-`).length - leftoversBefore;
  const problems = [
    ...(measurement.timedOut ? [`killed after ${options.timeoutMs} ms`] : []),
    ...(measurement.exitCode === 0 ? [] : [`exit code ${String(measurement.exitCode)}`]),
    ...(requests.length === 0 ? ['sent no request'] : []),
    ...(leftovers === 0 ? [] : [`left ${leftovers} resources in the emulator`]),
  ];
  return {
    tool: command.tool,
    repetition: options.repetition,
    measurement,
    requests: requests.length,
    firstRequestMs: since(requests[0]),
    preflightRequests: options.preflight.length,
    firstFlowRequestMs: preflightSent ? since(requests[options.preflight.length]) : undefined,
    leftovers,
    otherCpuMs:
      ticksToMs(cpuAfter.busyTicks - cpuBefore.busyTicks) -
      measurement.cpuMs -
      (own.user + own.system) / 1000,
    stealMs: ticksToMs(cpuAfter.stealTicks - cpuBefore.stealTicks),
    problems,
    stdoutFile,
    stderrFile,
  };
}
