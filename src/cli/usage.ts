import { DEFAULT_REPORT_FILES, REPORT_DESCRIPTIONS, REPORT_KINDS } from '../report/report-kinds.ts';
import { TARGETS } from '../targets/registry.ts';

/** One line per report kind: `junit (junit.xml): …`. */
const REPORT_LINES = REPORT_KINDS.map(
  (kind) => `\n        ${kind} (${DEFAULT_REPORT_FILES[kind]}): ${REPORT_DESCRIPTIONS[kind]}`,
).join('');

const TARGET_CHOICE = `--target ${TARGETS.map((target) => target.name).join('|')}`;
const PREFIXES = TARGETS.map((target) => `${target.variablePrefix}*`).join(', ');
/** One indented line per target: `        acme: …`. */
function perTarget(text: (target: (typeof TARGETS)[number]) => string | undefined): string {
  return TARGETS.flatMap((target) => {
    const line = text(target);
    return line === undefined ? [] : [`        ${target.name}: ${line}`];
  }).join('\n');
}

const ALLOW_VARIABLES = TARGETS.map((target) => target.allowHostVariable).join(' / ');
/** The options of every command that sends requests: proxy, TLS and the per-request timeout. */
const NETWORK_SYNOPSIS =
  '[--proxy URL] [--ca FILE] [--cert FILE --key FILE] [--insecure] [--timeout-request MS]';

/** Each command's help: its synopsis and what it does, naming every registered target. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  run: `  idflow run [${TARGET_CHOICE}] [--env FILE] [--env-var KEY=VALUE]... [--baseline FILE] [--keep] [--bail N]
             [--smoke [--write-population ID]] [--step ID]... [--grep PATTERN] [--strict] [--verbose]
             [--write-baseline FILE] [--deadline 30m] [--allow-host HOST]... [--allow-insecure-http]
             ${NETWORK_SYNOPSIS}
             [--report KIND[=FILE]]... [--reporter NAME]... [--output-file [REPORTER=]FILE]...
      Runs the conformance suites. Without --env and without the target's variables
      (${PREFIXES}) in the environment, its embedded emulator is used. FILE is
      a dotenv file or a Postman environment export; --env-var KEY=VALUE beats it (and the
      environment). Reporters are vitest's (default, verbose, dot, junit, json, tap, github-actions,
      ...); junit, json and blob write --output-file (one file, or REPORTER=FILE each). A
      reporter or --output-file that cannot work is a usage error (exit 2).
      --report KIND[=FILE] (repeatable) writes idflow's own reports, by default into
      reports/<run id>/ (GITHUB_ACTIONS=true adds github):${REPORT_LINES}
      All are drawn from one results file, through the same redaction as the console.
      --baseline names the tenant's known-deviations file (default: the committed
      suites/<target>/known-deviations.json, applied only to a configured tenant).
      Expectations no vendor source backs are inferred: against a configured tenant one that
      does not hold is reported as unconfirmed (expected/given and why it is expected), not
      failed, and a calibration summary on stderr lists which held; --strict makes them fail.
      Against the embedded emulator every expectation is strict.
      --write-baseline FILE (one configured target) records every check that failed (or was
      unconfirmed), as it did, as a known-deviations file to review and pass back with --baseline.
      --smoke runs the flow without its troubleshooting probes: the post-deploy check.
      With a configuration naming an existing environment (PRODUCTION included) --smoke only reads;
      --write-population ID adds one user's lifecycle, confined to that population of it.
      On a terminal, or with --verbose, one line per step and probe as it finishes (status, ms,
      id) on stderr; every run ends with a summary there: run id, tenant host, counts, failures.
      --step ID (repeatable; ids from 'idflow list') and --grep PATTERN (a case-insensitive regular
      expression over ids, titles and probe conditions) run only the chosen steps and probes, after
      every step they depend on, then teardown; a selection that runs no check is exit 2.
      Teardown deletes what the run created after success, failure, --bail N (stop after N
      failures) and SIGINT/SIGTERM; --keep leaves it and lists it.
      Credentials go only to loopback addresses and the vendor's hosts:
${perTarget((target) => target.documentedHosts)}
      --allow-host HOST allows another (or ${ALLOW_VARIABLES}). http:// is
      refused unless the host resolves only to loopback addresses; --allow-insecure-http allows
      it, with a warning: credentials and tokens then travel in cleartext.
      Requests go through HTTPS_PROXY / HTTP_PROXY (either case; --proxy URL beats them) except
      to the hosts NO_PROXY names; https:// crosses a proxy in a CONNECT tunnel.
      TLS, on every connection (direct, in a proxy's tunnel, to an https:// proxy): --ca FILE
      adds the PEM certificates in FILE to the CAs Node trusts (its own and NODE_EXTRA_CA_CERTS';
      it replaces none), for a private CA or a proxy that inspects TLS. --cert FILE --key FILE
      (PEM, together) present a client certificate to a server that asks for one (mTLS); an
      encrypted key's passphrase goes in IDFLOW_KEY_PASSPHRASE, the key is never printed.
      --insecure skips verifying servers' certificates, with a warning: anyone on the network
      path could then read the client secret and tokens. Variables: IDFLOW_CA_FILE,
      IDFLOW_CERT_FILE, IDFLOW_KEY_FILE, IDFLOW_INSECURE_TLS=1; the options beat them.
      --deadline (s, m, h or d; default 30m) bounds the whole run: a request still waiting then is
      stopped, that step fails, later ones are skipped and the run exits 1; teardown still runs,
      for at most IDFLOW_TEARDOWN_GRACE more (default 2m) before the run is stopped and drained.
      Each request may take --timeout-request MS (or IDFLOW_REQUEST_TIMEOUT, e.g. 10s; default
      30s), headers and body together; an endpoint that gave no response in that time is not
      asked again in the run.
      Against a configured tenant, the checks of 'idflow doctor' run first; when one fails the
      run stops before creating anything, with doctor's exit code.`,
  doctor: `  idflow doctor [${TARGET_CHOICE}] [--env FILE] [--env-var KEY=VALUE]... [--allow-host HOST]...
                [--allow-insecure-http] ${NETWORK_SYNOPSIS}
      Read-only preflight of a configured tenant (token requests and GETs only): the token
      works, the worker app holds the roles each step needs, the license has room for one more
      environment, each optional actor is what its variables claim. Every finding names the fix
      in the vendor's console and the source of the expectation. Exit 0 ready, 1 the tenant
      answered against its docs, 2 the configuration is wrong, 3 the tenant is unreachable (a
      TLS failure too: its message names --ca, or --cert and --key). --proxy, --ca, --cert,
      --key, --insecure and --timeout-request work as for 'idflow run'.`,
  emulator: `  idflow emulator [${TARGET_CHOICE}] [--port N] [--host 127.0.0.1]
                  [--env-out FILE] [--latency MS] [--token-ttl S] [--client-secret S] [--fault NAME]...
                  [--tls-cert FILE --tls-key FILE]
      Starts a standalone tenant emulator until interrupted. --env-out writes a dotenv
      file that 'idflow run --env FILE' accepts as is, mode 0600 (a symbolic link is refused).
      --tls-cert and --tls-key (PEM, together) serve https:// instead of http://, to try --ca,
      --cert/--key and --insecure against it.`,
  list: `  idflow list [${TARGET_CHOICE}] [--json]
      Prints every step and troubleshooting probe a run makes, in run order: its id, request
      (as the docs write it), expected answer and the source of that expectation. Sends nothing.`,
  export: `  idflow export --target T --format postman [--env FILE] --out DIR
      Writes the target's steps and troubleshooting probes as a Postman collection (v2.1) and its
      environment into DIR: <target>.postman_collection.json (one folder per suite file in run
      order, teardown last; pm.test scripts for status, content type, headers, schema and each
      check, captures into collection variables, TOTP codes computed before sending) and
      <target>.postman_environment.json, filled from --env FILE (dotenv or Postman environment)
      when given, secrets typed secret; without --env its keys are left empty. Prints the two
      paths, never a value. Newman or Postman's runner runs the collection.`,
  compare: `  idflow compare OLD NEW [--out FILE] [--threshold-pct N] [--threshold-ms N]
      Compares two results files (results.json, as 'idflow run --report json' writes them),
      check by check per target: what newly failed, what was fixed, what is still failing, newly
      unconfirmed expectations, newly skipped checks (with the reason), checks that disappeared
      or appeared; and endpoint by endpoint (method and path template): the median and p95 request
      time, reported slower when NEW's exceeds OLD's by more than --threshold-pct (default 20)
      percent and --threshold-ms (default 25) ms, both. Prints Markdown on stdout; --out FILE writes
      it to FILE too (replaced whole). Exit 1 when a check newly failed, 0 otherwise, 2 when a
      file is missing, not JSON, of another results version or not as its schema says.`,
  selftest: `  idflow selftest [${TARGET_CHOICE}] [--fault NAME]... [--jobs N] [--run-timeout S]
      Runs the suites against the emulator once per deliberate server defect in its
      fault catalogue (default every fault of every target, 2 runs at a time) and
      prints each outcome and the score: harmful faults caught (the run failed),
      benign faults survived (the run passed). Exit 0 only at 100 % on both counts.`,
  sweep: `  idflow sweep [${TARGET_CHOICE}] [--env FILE] [--env-var KEY=VALUE]... [--older-than 2h] [--dry-run]
               [--allow-host HOST]... [--allow-insecure-http] ${NETWORK_SYNOPSIS}
      Deletes leftovers of crashed runs in a configured tenant, older than --older-than (s, m,
      h or d), never unprefixed ones:
${perTarget((target) => target.sweep?.summary)}
      --dry-run only lists. Needs a configuration, as 'idflow run' reads it; --allow-host,
      --allow-insecure-http, --proxy, --ca, --cert, --key, --insecure and --timeout-request work
      as for 'idflow run'.`,
};

const EXIT_CODES = `Exit codes: 0 every check passed, 1 a conformance check failed, 2 bad configuration or usage,
3 the tenant could not be reached.`;

/** The help text of the `idflow` command: every command, then the exit codes. */
export const USAGE = `Usage:
${Object.values(COMMAND_HELP).join('\n')}
  idflow help | idflow <command> --help | idflow --version

${EXIT_CODES}`;

/** The help of one command (`idflow run --help`), with the exit codes; undefined for an unknown one. */
export function commandHelp(command: string): string | undefined {
  const help = COMMAND_HELP[command];
  return help === undefined ? undefined : `Usage:\n${help}\n\n${EXIT_CODES}`;
}
