import type { EmulatorFault } from '../../src/emulator/http/fault.ts';
import type { EmulatorRequest } from '../../src/emulator/http/types.ts';

/** An emulator fault that holds one request until the test lets it go. */
export interface Hold {
  readonly fault: EmulatorFault;
  /** Resolves, with the held request's path, when it has arrived (and is being held). */
  readonly reached: Promise<string>;
  /** Lets the held request (and any later one) through. */
  release(): void;
}

/**
 * Holds the first request whose method and path match until `release()`: a run stopped while it
 * waits there is stopped at a known point of its flow, whatever the machine's load, instead of
 * racing a signal against a run that may already have finished.
 */
export function holdFirst(method: string, path: RegExp): Hold {
  return holdFirstWhere(
    `the first ${method} ${path}`,
    (request) => request.method === method && path.test(request.path),
  );
}

/** Holds the first request `matches` (`what` describes it) until `release()`. */
export function holdFirstWhere(what: string, matches: (request: EmulatorRequest) => boolean): Hold {
  let arrived!: (path: string) => void;
  let release!: () => void;
  const reached = new Promise<string>((resolve) => (arrived = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  return {
    reached,
    release,
    fault: {
      name: 'hold-first-request',
      description: `holds ${what} until the test releases it`,
      harmful: false,
      intercept: async (request, next) => {
        if (!held && matches(request)) {
          held = true;
          arrived(request.path);
          await released;
        }
        return next();
      },
    },
  };
}

/** What {@link reachedWithin} needs of a spawned run. */
interface HeldRun {
  readonly exited: Promise<{ code: number | null; output: string }>;
  output(): string;
}

/**
 * `hold.reached` (the held request's path), or a failure saying that the run never sent `what`: at
 * once when the run ends first, after `ms` when it neither ends nor sends it (a run whose requests
 * were reordered or renamed fails the test instead of hanging it), with what the run printed.
 */
export async function reachedWithin(hold: Hold, run: HeldRun, what: string, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the run sent no ${what} within ${ms} ms; it printed:\n${run.output()}`)),
      ms,
    );
  });
  const ended = run.exited.then(({ code, output }) =>
    Promise.reject(new Error(`the run exited (${code}) before sending ${what}; it printed:\n${output}`)),
  );
  try {
    return await Promise.race([hold.reached, ended, late]);
  } finally {
    clearTimeout(timer);
  }
}
