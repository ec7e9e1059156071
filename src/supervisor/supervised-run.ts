import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { armDeadlineBackstop, DEFAULT_TEARDOWN_GRACE_MS } from './deadline-backstop.ts';
import { abandonedCleanupLines } from './abandoned-cleanup.ts';
import { anyTargetConfigured, drainRun, type RunConfiguration } from './drain-run.ts';
import { Interrupts } from './interrupts.ts';
import { removeLedgerDir } from '../flow/run/ledger-file.ts';
import { writeLedgerOwner } from '../cleanup/ledger-owner.ts';
import { tenantsOf } from './ledger-tenants.ts';
import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { newRunId } from '../flow/run/run-id.ts';
import {
  RUN_DEADLINE_AT_VARIABLE,
  runDeadlineEnvironment,
  type RunDeadline,
} from '../process/run-deadline.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import {
  KEEP_VARIABLE,
  LEDGER_DIR_VARIABLE,
  RUN_CHILD_VARIABLE,
  RUN_ID_VARIABLE,
} from '../process/run-variables.ts';

const BIN = resolve(PACKAGE_ROOT, 'src/cli/bin.js');

/** Options of {@link superviseRun}. */
export interface SupervisedRunOptions {
  /** The `idflow run` arguments, passed on unchanged. */
  readonly argv: readonly string[];
  /** The run's id (its ledger folder, its sessions' tags, its reports folder); default: a new one. */
  readonly runId?: string;
  readonly keep: boolean;
  readonly configuration: RunConfiguration;
  /** Where ledger folders go; default `.idflow/runs` under the working directory. */
  readonly runsDir?: string;
  /** The whole-run deadline, fixed when `idflow run` started; only the child is held to it. */
  readonly deadline: RunDeadline;
  /** How long teardown may go on after the deadline before the child is stopped, ms. */
  readonly teardownGraceMs?: number;
  /**
   * The run's `--env` file (absolute) and `--allow-host` values, for the sweep command a third interrupt
   * prints.
   */
  readonly sweep?: {
    readonly envFile?: string | undefined;
    readonly allowHosts?: readonly string[] | undefined;
    readonly allowInsecureHttp?: boolean | undefined;
    readonly networkArguments?: readonly string[] | undefined;
  };
  /** Called once this process listens for signals itself (ends the start-up handling). */
  readonly onSignalsInstalled?: () => void;
}

function say(line: string): void {
  process.stderr.write(`idflow: ${line}\n`);
}

/** Sends a signal to the child's whole process group (vitest and its workers). */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * `idflow run` as a supervisor: vitest runs in a child process (its own process group) whose
 * sessions mirror their ledgers to `.idflow/runs/<id>/`. However the child ends — passed,
 * failed, `--bail`, a signal forwarded from here, a crash — this process reads what is still
 * owed and deletes it (or, with `--keep`, lists it). Interrupts follow {@link Interrupts}: a
 * first SIGINT/SIGTERM is forwarded, a second stops the child at once, and cleanup follows
 * both, even when the second arrives during it; a third stops at once, printing what is left
 * and the `idflow sweep` command that removes it, and keeps the ledger folder. The child alone
 * is held to the whole-run deadline (this process's drain is not); a child still running at
 * the deadline plus the teardown grace is stopped and drained like an interrupted one, and a
 * run that passed its deadline exits 1.
 */
export async function superviseRun(options: SupervisedRunOptions): Promise<ExitCode> {
  const runId = options.runId ?? newRunId();
  const dir = resolve(options.runsDir ?? resolve(process.cwd(), '.idflow', 'runs'), runId);
  // Whatever deadline this process inherited is not its own: the drain below must never be held to one.
  delete process.env[RUN_DEADLINE_AT_VARIABLE];
  const child = spawn(process.execPath, [BIN, 'run', ...options.argv], {
    stdio: 'inherit',
    detached: true,
    env: {
      ...process.env,
      [RUN_CHILD_VARIABLE]: '1',
      [RUN_ID_VARIABLE]: runId,
      [LEDGER_DIR_VARIABLE]: dir,
      [KEEP_VARIABLE]: options.keep ? '1' : '',
      ...runDeadlineEnvironment(options.deadline),
    },
  });
  // Before the child can create anything: `idflow sweep` drains this folder only once both are gone.
  writeLedgerOwner(dir, { group: child.pid, tenants: tenantsOf(options.configuration) });
  const backstop = armDeadlineBackstop({
    deadline: options.deadline,
    graceMs: options.teardownGraceMs ?? DEFAULT_TEARDOWN_GRACE_MS,
    stop: (signal) => signalGroup(child.pid, signal),
    say,
  });
  const interrupts = new Interrupts({
    forward: (signal) => {
      say(
        `${signal}: stopping the run, then deleting what it created (${signal} again stops the run at once)`,
      );
      signalGroup(child.pid, signal);
    },
    stopRun: (signal) => {
      say(
        `${signal} again: the run is stopped; what it created is still deleted (${signal} once more ` +
          `stops that too)`,
      );
      signalGroup(child.pid, 'SIGKILL');
    },
    abandon: (signal) => {
      signalGroup(child.pid, 'SIGKILL');
      const left = abandonedCleanupLines(dir, {
        ...options.sweep,
        configured: anyTargetConfigured(options.configuration),
      });
      say(`${signal} a third time: stopping now, before cleanup finished.`);
      for (const line of left)
        process.stderr.write(line.startsWith('  ') ? `${line}\n` : `idflow: ${line}\n`);
      // The ledger folder stays: it names what is left, for idflow sweep.
      process.exit(EXIT.failed);
    },
  });
  const uninstall = interrupts.install();
  options.onSignalsInstalled?.();
  try {
    const code = await new Promise<number | null>((done) => {
      child.once('error', () => done(null));
      child.once('exit', (exitCode) => done(exitCode));
    });
    backstop.disarm();
    const late = options.deadline.passed();
    if (late && !backstop.fired()) {
      say(
        `the run passed its deadline of ${options.deadline.label} (--deadline): what it had not finished ` +
          `failed or was skipped; exit code 1.`,
      );
    }
    const drain = await drainRun(dir, { keep: options.keep, configuration: options.configuration });
    if (drain.lines.length > 0) {
      say(
        options.keep
          ? '--keep: left what this run created:'
          : `${interrupts.interrupted || backstop.fired() ? 'interrupted run: ' : ''}cleanup after the run:`,
      );
      for (const line of drain.lines) process.stderr.write(`  ${line}\n`);
    }
    if (drain.clean || options.keep) removeLedgerDir(dir);
    else {
      // The ledger now names only what could not be deleted; it stays for `idflow sweep`.
      const left = abandonedCleanupLines(dir, {
        ...options.sweep,
        configured: anyTargetConfigured(options.configuration),
      });
      say('some resources could not be deleted.');
      for (const line of left)
        process.stderr.write(line.startsWith('  ') ? `${line}\n` : `idflow: ${line}\n`);
    }
    if (interrupts.interrupted !== undefined || late || code === null || !drain.clean) return EXIT.failed;
    return code === EXIT.passed || code === EXIT.usage || code === EXIT.unreachable ? code : EXIT.failed;
  } finally {
    backstop.disarm();
    uninstall();
  }
}
