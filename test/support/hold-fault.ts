import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

/** An emulator fault that holds one request until the test lets it go. */
export interface Hold {
  readonly fault: EmulatorFault;
  /** Resolves when the held request has arrived (and is being held). */
  readonly reached: Promise<void>;
  /** Lets the held request (and any later one) through. */
  release(): void;
}

/**
 * Holds the first request whose method and path match until `release()`: a run stopped while it
 * waits there is stopped at a known point of its flow, whatever the machine's load, instead of
 * racing a signal against a run that may already have finished.
 */
export function holdFirst(method: string, path: RegExp): Hold {
  let arrived!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  return {
    reached,
    release,
    fault: {
      name: 'hold-first-request',
      description: `holds the first ${method} ${path} until the test releases it`,
      harmful: false,
      intercept: async (request, next) => {
        if (!held && request.method === method && path.test(request.path)) {
          held = true;
          arrived();
          await released;
        }
        return next();
      },
    },
  };
}
