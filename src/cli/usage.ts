/** The help text of the `idflow` command. */
export const USAGE = `Usage:
  idflow run [--target pingone|lerian-identity] [--env FILE] [--baseline FILE]
             [--reporter NAME]... [--output-file [REPORTER=]FILE]...
      Runs the conformance suites. Without --env and without the target's variables
      (PINGONE_*, LERIAN_*) in the environment, its embedded emulator is used. FILE is
      a dotenv file or a Postman environment export. Reporters are vitest's (default,
      verbose, junit, json, ...).
      --baseline names the tenant's known-deviations file (default: the committed
      suites/<target>/known-deviations.json, applied only to a configured tenant).
  idflow emulator [--target pingone|lerian-identity] [--port N] [--host 127.0.0.1]
                  [--env-out FILE] [--latency MS] [--token-ttl S] [--client-secret S] [--fault NAME]...
      Starts a standalone tenant emulator until interrupted. --env-out writes a dotenv
      file that 'idflow run --env FILE' accepts as is.
  idflow help

Exit codes: 0 every check passed, 1 a conformance check failed, 2 bad configuration or usage.`;
