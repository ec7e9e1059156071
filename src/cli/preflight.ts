import { doctorExitCode } from '../doctor/doctor-exit.ts';
import { isFailing, stopsRun, type DoctorFinding, type DoctorOptions } from '../doctor/finding.ts';
import { formatFindings } from '../doctor/format-findings.ts';
import type { ExitCode } from '../process/exit-codes.ts';
import type { TargetDescriptor } from '../targets/registry.ts';

/** What a preflight of some targets found, and the exit code it calls for. */
export interface PreflightResult {
  readonly code: ExitCode;
  /** The findings of every configured target, one block per target. */
  readonly text: string;
  /** Whether any finding fails (config, conformance, unreachable): `idflow doctor` says not ready. */
  readonly failed: boolean;
  /**
   * Whether `idflow run` must stop before creating anything: the tenant answered, and the answer
   * shows a wrong configuration or a break of its docs. A tenant that did not answer is left to
   * the run's own steps, which report it as they always have.
   */
  readonly stopsRun: boolean;
  /** The exit code of `idflow run` when it stops: from the findings that stop it alone. */
  readonly runCode: ExitCode;
  /** Targets with nothing configured, which the preflight could not check. */
  readonly unconfigured: readonly TargetDescriptor[];
}

/**
 * Runs the read-only preflight (`idflow doctor`) of every configured target among `targets`,
 * one after the other; the exit code is the worst of all their findings.
 */
export async function preflight(
  targets: readonly TargetDescriptor[],
  variables: Record<string, string>,
  source: string,
  options: DoctorOptions = {},
): Promise<PreflightResult> {
  const all: DoctorFinding[] = [];
  const blocks: string[] = [];
  const unconfigured: TargetDescriptor[] = [];
  for (const target of targets) {
    const config = target.resolveConfig(variables, source);
    if (config === undefined) {
      unconfigured.push(target);
      continue;
    }
    const findings = await target.doctor(config, options);
    all.push(...findings);
    blocks.push(formatFindings(`${target.title} (${source}):`, findings));
  }
  return {
    code: doctorExitCode(all),
    text: blocks.join(''),
    failed: all.some((finding) => isFailing(finding.verdict)),
    stopsRun: all.some(stopsRun),
    runCode: doctorExitCode(all.filter(stopsRun)),
    unconfigured,
  };
}
