import { redact } from '../redact/secrets.ts';
import type { Source } from '../flow/step/source.ts';
import type { DoctorFinding, Verdict } from './finding.ts';

const LABEL: Readonly<Record<Verdict, string>> = {
  ok: 'ok',
  config: 'FIX',
  conformance: 'FAIL',
  unreachable: 'UNREACHABLE',
  unverified: 'unverified',
};

function sourceLine(source: Source): string {
  return source.kind === 'documented'
    ? `source: ${source.ref} ("${source.quote}")`
    : `source: inferred (${source.reason})`;
}

/**
 * The findings as the user reads them: one block per check with the verdict, what is so, the fix
 * and the source of the expectation; redacted, whatever a tenant put in a message.
 */
export function formatFindings(title: string, findings: readonly DoctorFinding[]): string {
  const lines = [title];
  for (const finding of findings) {
    lines.push(`  [${LABEL[finding.verdict]}] ${finding.check}: ${finding.message}`);
    if (finding.fix !== undefined) lines.push(`      fix: ${finding.fix}`);
    if (finding.verdict !== 'ok') lines.push(`      ${sourceLine(finding.source)}`);
  }
  return redact(`${lines.join('\n')}\n`);
}
