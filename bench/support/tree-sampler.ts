import { performance } from 'node:perf_hooks';
import { median } from './median.ts';
import { descendantsOf } from './process-tree.ts';
import { procUnits, readProcStat, ticksToMs } from './proc-stat.ts';

/** What sampling a process tree saw. */
export interface TreeSamples {
  /** The largest sum of the resident set sizes of the tree's processes at one sample, in bytes. */
  readonly peakRssBytes: number;
  /**
   * Each process's own CPU (user + sys, all threads) at the last sample it was seen in, summed, in
   * ms: a lower bound of the tree's CPU (a process's last < 1 interval and processes that lived less
   * than one are missed), used to cross-check the figure from the wait chain.
   */
  readonly sampledCpuMs: number;
  /** How many processes the samples saw. */
  readonly processes: number;
  readonly samples: number;
  /** The asked interval and the gaps achieved between samples (a busy event loop stretches them). */
  readonly intervalMs: number;
  readonly medianGapMs: number;
  readonly maxGapMs: number;
}

/** A running sampler; `stop()` takes a last sample and returns what it saw. */
export interface TreeSampler {
  stop(): TreeSamples;
}

/**
 * Samples the descendants of `root` (not `root` itself: the benchmark's wrapper shell) every
 * `intervalMs` from `/proc`: the summed RSS (its peak is kept) and each process's own CPU.
 */
export function sampleTree(root: number, intervalMs: number): TreeSampler {
  const { pageSizeBytes } = procUnits();
  const cpuTicks = new Map<number, number>();
  const at: number[] = [];
  let peakRssPages = 0;
  const sample = (): void => {
    at.push(performance.now());
    let rssPages = 0;
    for (const pid of descendantsOf(root)) {
      const stat = readProcStat(pid);
      if (stat === undefined) continue;
      rssPages += stat.rssPages;
      cpuTicks.set(pid, stat.utimeTicks + stat.stimeTicks);
    }
    peakRssPages = Math.max(peakRssPages, rssPages);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const gaps = at.slice(1).map((time, index) => time - (at[index] as number));
      return {
        peakRssBytes: peakRssPages * pageSizeBytes,
        sampledCpuMs: ticksToMs([...cpuTicks.values()].reduce((sum, ticks) => sum + ticks, 0)),
        processes: cpuTicks.size,
        samples: at.length,
        intervalMs,
        medianGapMs: median(gaps),
        maxGapMs: Math.max(0, ...gaps),
      };
    },
  };
}
