import { availableParallelism, cpus, loadavg, release } from 'node:os';
import { idflowVersion } from '../../src/cli/version.ts';
import { newmanVersion } from './tool-commands.ts';

/** Where and with what the benchmark ran. */
export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly kernel: string;
  readonly node: string;
  readonly idflow: string;
  readonly newman: string;
  /** 1, 5 and 15 minute load averages when the bench started (a busy machine skews it). */
  readonly loadAverage: readonly number[];
}

/** This machine, Node, idflow and Newman. */
export function machineInfo(): MachineInfo {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    kernel: `${process.platform} ${release()}`,
    node: process.version,
    idflow: idflowVersion(),
    newman: newmanVersion(),
    loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
  };
}
