import { accessSync, constants, lstatSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  DEFAULT_REPORT_FILES,
  REPORT_KINDS,
  type ReportKind,
  type ReportRequest,
} from '../report/report-kinds.ts';
import { UsageError } from './usage-error.ts';

function isKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

/** `--report KIND` or `--report KIND=FILE`, checked: a known kind, each at most once. */
function parseOne(value: string): { kind: ReportKind; file?: string } {
  const at = value.indexOf('=');
  const kind = at < 0 ? value : value.slice(0, at);
  const file = at < 0 ? undefined : value.slice(at + 1);
  if (!isKind(kind))
    throw new UsageError(`--report ${value}: no report ${kind}. Use one of: ${REPORT_KINDS.join(', ')}.`);
  if (file === '') throw new UsageError(`--report ${value}: name the file after "=", or leave out "=".`);
  return file === undefined ? { kind } : { kind, file };
}

/**
 * The reports a run writes: each `--report` (repeatable), plus GitHub's when the run is a GitHub
 * Actions job (`GITHUB_ACTIONS=true`). A file not named goes to `reports/<run id>/` under the
 * working directory; GitHub's summary goes to `$GITHUB_STEP_SUMMARY` (appended) when it is set.
 */
export function reportRequests(
  values: readonly string[] | undefined,
  options: { readonly runId: string; readonly env: NodeJS.ProcessEnv; readonly cwd?: string },
): ReportRequest[] {
  const chosen = new Map<ReportKind, string | undefined>();
  for (const value of values ?? []) {
    const { kind, file } = parseOne(value);
    if (chosen.has(kind)) throw new UsageError(`--report ${kind} is given twice; give each report once.`);
    chosen.set(kind, file);
  }
  if (options.env.GITHUB_ACTIONS === 'true' && !chosen.has('github')) chosen.set('github', undefined);
  const cwd = options.cwd ?? process.cwd();
  const folder = join(cwd, 'reports', options.runId);
  return [...chosen].map(([kind, file]) => {
    if (file !== undefined) return { kind, file: resolve(cwd, file) };
    const summary = options.env.GITHUB_STEP_SUMMARY;
    if (kind === 'github' && summary) return { kind, file: resolve(cwd, summary), append: true };
    return { kind, file: join(folder, DEFAULT_REPORT_FILES[kind]) };
  });
}

/**
 * Checks, before the run creates anything, that each report can be written: its folder exists
 * or can be made, is writable, and the file is not a symbolic link or a folder (exit 2 naming it).
 */
export function checkReportPaths(requests: readonly ReportRequest[]): void {
  for (const { kind, file } of requests) {
    const folder = dirname(file);
    try {
      mkdirSync(folder, { recursive: true });
      accessSync(folder, constants.W_OK);
    } catch (error) {
      throw new UsageError(
        `--report ${kind}: cannot write in ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
          'Choose a writable path.',
      );
    }
    let kindOfFile: 'link' | 'folder' | undefined;
    try {
      const stat = lstatSync(file);
      kindOfFile = stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : undefined;
    } catch {
      // Not there yet: it will be created.
    }
    if (kindOfFile === 'link')
      throw new UsageError(`--report ${kind}: ${file} is a symbolic link; name a plain file.`);
    if (kindOfFile === 'folder')
      throw new UsageError(`--report ${kind}: ${file} is a folder; name a file (--report ${kind}=FILE).`);
  }
}
