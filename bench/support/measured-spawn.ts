import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { descendantsOf } from './process-tree.ts';
import { parseProcStat, ticksToMs } from './proc-stat.ts';
import { sampleTree, type TreeSamples } from './tree-sampler.ts';

/** How to run one measured command. */
export interface SpawnOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Files the command's stdout and stderr go to (not piped through this process). */
  readonly stdoutFile: string;
  readonly stderrFile: string;
  /** How often the process tree is sampled from /proc, ms. */
  readonly sampleIntervalMs: number;
  /** The whole tree is killed after this long, ms. */
  readonly timeoutMs: number;
}

/** One measured run of a command. */
export interface Measurement {
  readonly exitCode: number | null;
  /** `performance.now()` just before the spawn and at the wrapper's exit. */
  readonly spawnedAt: number;
  readonly exitedAt: number;
  /** Spawn → exit, ms. */
  readonly wallMs: number;
  /** User + sys CPU of the whole tree, ms: the larger of `waitedCpuMs` and `samples.sampledCpuMs`. */
  readonly cpuMs: number;
  /** User + sys CPU of every descendant the wait chain reaped (the wrapper's cutime + cstime), ms. */
  readonly waitedCpuMs: number;
  /** True when the samples saw more CPU than the wait chain: some process escaped it (orphaned). */
  readonly cpuEscapedWaitChain: boolean;
  readonly samples: TreeSamples;
  readonly timedOut: boolean;
}

/*
 * How the CPU of a whole process tree is counted. The command runs under a `sh -c` wrapper that
 * waits for it, then reads its own /proc/$$/stat with builtins only (no fork after the command) and
 * writes it to a file. Fields 16-17 (cutime, cstime) of a process hold the user and sys time of
 * every child it has waited for, and each of those counts its own waited-for children the same
 * way (getrusage(RUSAGE_CHILDREN) semantics). Node reaps its children (libuv's SIGCHLD handler
 * calls waitpid), so grandchildren such as vitest's workers roll up into the command and then
 * into the wrapper: after the wait, cutime + cstime is the whole tree's CPU, up to its last tick,
 * threads included, the wrapper's own (tiny) time excluded. A descendant whose parent exited
 * without waiting for it is re-parented to init and escapes this sum; the /proc samples (each
 * process's own utime + stime at its last sample, a lower bound) catch that: when they exceed the
 * wait chain's figure, the larger is reported and the run says so.
 */
const WRAPPER =
  'stat_file=$1; shift; "$@"; code=$?; read -r stat < /proc/$$/stat; ' +
  'printf "%s\\n" "$stat" > "$stat_file"; exit $code';

/**
 * Runs `command args` as a child process tree and measures it: wall time spawn → exit, the CPU of
 * the whole tree (see above) and the peak of its summed RSS (sampled). Never rejects on a failing
 * command: the exit code is in the result.
 */
export async function measuredSpawn(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<Measurement> {
  const scratch = mkdtempSync(join(tmpdir(), 'idflow-bench-stat-'));
  const statFile = join(scratch, 'stat');
  const stdout = openSync(options.stdoutFile, 'w');
  const stderr = openSync(options.stderrFile, 'w');
  try {
    const spawnedAt = performance.now();
    const child = spawn('sh', ['-c', WRAPPER, 'sh', statFile, command, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', stdout, stderr],
    });
    const exited = new Promise<number | null>((done, fail) => {
      child.once('error', fail);
      child.once('exit', (code) => done(code));
    });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not spawn sh for ${command}`);
    const sampler = sampleTree(pid, options.sampleIntervalMs);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      for (const descendant of descendantsOf(pid)) {
        try {
          process.kill(descendant, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }, options.timeoutMs);
    const exitCode = await exited;
    const exitedAt = performance.now();
    clearTimeout(timer);
    const samples = sampler.stop();
    const own = parseProcStat(readFileSync(statFile, 'utf8'));
    const waitedCpuMs = ticksToMs(own.cutimeTicks + own.cstimeTicks);
    return {
      exitCode,
      spawnedAt,
      exitedAt,
      wallMs: exitedAt - spawnedAt,
      cpuMs: Math.max(waitedCpuMs, samples.sampledCpuMs),
      waitedCpuMs,
      cpuEscapedWaitChain: samples.sampledCpuMs > waitedCpuMs,
      samples,
      timedOut,
    };
  } finally {
    closeSync(stdout);
    closeSync(stderr);
    rmSync(scratch, { recursive: true, force: true });
  }
}
