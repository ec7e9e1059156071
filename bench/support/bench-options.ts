import { parseArgs } from 'node:util';

/** How `bench/vs-newman.ts` was asked to run. */
export interface BenchOptions {
  /** Measured runs of each tool per latency (paired, alternating which goes first). */
  readonly repetitions: number;
  /** Unmeasured runs of each tool per latency before the measured ones (warm caches). */
  readonly warmups: number;
  /** Added latency per response, ms: one emulator and one table each. */
  readonly latencies: readonly number[];
  /** Interval of the /proc samples (peak RSS), ms. */
  readonly sampleIntervalMs: number;
  /** A run still going after this long is killed (and the bench is invalid), ms. */
  readonly timeoutMs: number;
  /** How long to wait, before each run, for the rest of the machine to be quiet, ms. */
  readonly quietWaitMs: number;
  /** Where to write the figures as JSON, if anywhere. */
  readonly jsonFile: string | undefined;
}

/** The usage text. */
export const BENCH_USAGE = `Usage: tsx bench/vs-newman.ts [--repetitions N] [--warmups N] [--latencies 0,50]
                             [--sample-interval MS] [--quiet-wait S] [--timeout S] [--json FILE]
  Runs idflow and Newman (on idflow's Postman export) against the PingOne emulator at each added
  latency, in alternating pairs, each run after waiting up to --quiet-wait (default 60 s) for the
  machine's other work to drop below 10 % of its cores; prints the medians against the issue's
  goals. Exit 0 when every goal is met, 1 when one is missed, 2 when a run failed (the bench is
  then invalid) or on bad usage.`;

function count(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return value;
}

/** Parses the command line; throws on a mistake (the message says which option). */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      repetitions: { type: 'string' },
      warmups: { type: 'string' },
      latencies: { type: 'string' },
      'sample-interval': { type: 'string' },
      'quiet-wait': { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const latencies = (values.latencies ?? '0,50').split(',').map((each) => count('latencies', each, 0, 0));
  return {
    repetitions: count('repetitions', values.repetitions, 3, 1),
    warmups: count('warmups', values.warmups, 1, 0),
    latencies,
    sampleIntervalMs: count('sample-interval', values['sample-interval'], 10, 1),
    quietWaitMs: count('quiet-wait', values['quiet-wait'], 60, 0) * 1000,
    timeoutMs: count('timeout', values.timeout, 600, 1) * 1000,
    jsonFile: values.json,
  };
}
