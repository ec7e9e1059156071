import { PINGONE_SECRET_FIELDS } from '../secret-fields.ts';
import { createHttpClient } from '../../../http/client.ts';
import { requestTimeoutMs } from '../../../http/request-timeout-variable.ts';
import { inferred } from '../../../flow/step/source.ts';
import { checkActors } from './actor-checks.ts';
import { checkLicense, organizationId } from './license-check.ts';
import { readAssignments, readRoleNames } from './role-assignments.ts';
import { cannotReadOwnRolesFix, judgeRoles } from './role-check.ts';
import { checkToken } from './token-check.ts';
import type { PingOneDoctorContext } from './doctor-context.ts';
import type { PingOneConfig } from '../config.ts';
import type { DoctorFinding, DoctorOptions } from '../../../doctor/finding.ts';

const IMPORTED_CLIENT_ID = inferred(
  "an application is addressed by its id, which the docs' Postman variables equate with the client id (adminAppID); the OpenAPI Application model lets an imported app keep a client ID of its own",
);

/** The admin app's roles and the actors', read side by side; judged once the organization is known. */
async function roleFindings(
  context: PingOneDoctorContext,
  token: string,
  organization: Promise<string | undefined>,
): Promise<DoctorFinding[]> {
  const { config } = context;
  const roles = await readRoleNames(context, token);
  if ('finding' in roles) return [roles.finding];
  const [own, actors] = await Promise.all([
    readAssignments(context, { token, appId: config.admin.clientId, check: 'roles', names: roles.names }),
    checkActors(context, { token, names: roles.names }),
  ]);
  const findings: DoctorFinding[] = [];
  if (!('finding' in own)) findings.push(...judgeRoles(config, own.assignments, await organization));
  else if (own.status === 403)
    findings.push({ ...own.finding, fix: cannotReadOwnRolesFix(config.admin.clientId) });
  else if (own.status === 404)
    findings.push({
      ...own.finding,
      verdict: 'unverified',
      message:
        `${own.finding.message}: no application has the client id as its id, so its roles cannot ` +
        `be read here (the steps' own 403 answers still name missing roles)`,
      source: IMPORTED_CLIENT_ID,
    });
  else findings.push(own.finding);
  findings.push(...actors);
  return findings;
}

/**
 * `idflow doctor` for PingOne, read-only (the token POSTs and GETs): the admin token works, the
 * admin Worker app holds the roles each step needs, the license the run would use has room for
 * its environment, and every configured optional actor is what its variables claim. After the
 * token, reads that need only the token go side by side (the organization and its license beside
 * the roles, each actor beside the admin app's assignments): a preflight of 8 requests costs 4
 * round trips, which is what every `idflow run` against a tenant waits for before it starts.
 */
export async function pingOneDoctor(
  config: PingOneConfig,
  options: DoctorOptions = {},
): Promise<DoctorFinding[]> {
  const client = createHttpClient({
    secretFields: PINGONE_SECRET_FIELDS,
    timeoutMs: requestTimeoutMs(),
    allowInsecureHttp: config.allowInsecureHttp === true,
    runDeadline: options.runDeadline,
  });
  const context: PingOneDoctorContext = { config, client };
  try {
    const admin = await checkToken(context, {
      actor: config.admin,
      idVariable: 'PINGONE_CLIENT_ID',
      secretVariable: 'PINGONE_CLIENT_SECRET',
    });
    if (admin.token === undefined) return [admin.finding];
    const token = admin.token;
    const organization = organizationId(context, token);
    const orgId = organization.then((found) => ('orgId' in found ? found.orgId : undefined));
    const license = orgId.then((id): Promise<DoctorFinding> | DoctorFinding | undefined =>
      config.environmentId !== undefined
        ? {
            check: 'license',
            verdict: 'unverified',
            message: 'not checked: PINGONE_ENV_ID names an existing environment, so the run creates none',
            source: inferred('the license quota only limits creating environments'),
          }
        : id !== undefined
          ? checkLicense(context, token, id)
          : undefined,
    );
    const [found, roles, licensed] = await Promise.all([
      organization,
      roleFindings(context, token, orgId),
      license,
    ]);
    return [
      admin.finding,
      ...('finding' in found ? [found.finding] : []),
      ...roles,
      ...(licensed === undefined ? [] : [licensed]),
    ];
  } finally {
    await client.close();
  }
}
