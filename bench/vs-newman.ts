/**
 * `tsx bench/vs-newman.ts`: idflow against Newman on the PingOne emulator, side by side (see
 * `BENCH_USAGE`). Exit 0 every goal met, 1 a goal missed, 2 an invalid bench or bad usage.
 */
import { writeFileSync } from 'node:fs';
import { pingOne } from '../src/targets/pingone/index.ts';
import { BENCH_USAGE, parseBenchOptions, type BenchOptions } from './support/bench-options.ts';
import { latencyNotes } from './support/latency-notes.ts';
import { machineInfo } from './support/machine.ts';
import { measureLatency, type LatencyMeasurement } from './support/measure-latency.ts';
import { resultTable } from './support/result-table.ts';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

function header(options: BenchOptions, machine: ReturnType<typeof machineInfo>): void {
  say('idflow vs Newman, PingOne emulator');
  say(
    `machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.kernel}, node ${machine.node}, ` +
      `load average at start ${machine.loadAverage.join(' ')}`,
  );
  say(
    `idflow ${machine.idflow} (idflow run --target pingone --env FILE), newman ${machine.newman} (newman run on idflow's export)`,
  );
  say(
    `repetitions: ${options.repetitions} measured per tool and latency (paired, order alternating), ` +
      `${options.warmups} warm-up each; medians shown`,
  );
}

function report(measurement: LatencyMeasurement, options: BenchOptions): void {
  say('');
  say(`## ${measurement.latencyMs} ms added latency per response`);
  say('');
  say(resultTable(measurement));
  say('');
  for (const note of latencyNotes(measurement, options.sampleIntervalMs)) say(`- ${note}`);
  for (const problem of measurement.problems) say(`- INVALID: ${problem}`);
}

async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    say(BENCH_USAGE);
    return 0;
  }
  const machine = machineInfo();
  header(options, machine);
  const measurements: LatencyMeasurement[] = [];
  for (const latencyMs of options.latencies) {
    say(`measuring at ${latencyMs} ms…`);
    measurements.push(await measureLatency(pingOne, latencyMs, options, say));
  }
  for (const measurement of measurements) report(measurement, options);
  const problems = measurements.flatMap((measurement) => measurement.problems);
  const missed = measurements.flatMap((measurement) =>
    measurement.verdicts.filter((verdict) => !verdict.met),
  );
  if (options.jsonFile !== undefined) {
    writeFileSync(
      options.jsonFile,
      `${JSON.stringify({ machine, options, measurements, valid: problems.length === 0, goalsMet: missed.length === 0 }, null, 2)}\n`,
    );
    say(`\nwrote ${options.jsonFile}`);
  }
  say('');
  if (problems.length > 0) {
    say(`INVALID bench: ${problems.length} run(s) failed; the figures above do not compare like with like.`);
    return 2;
  }
  say(missed.length === 0 ? 'every goal met' : `${missed.length} goal(s) MISSED`);
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
