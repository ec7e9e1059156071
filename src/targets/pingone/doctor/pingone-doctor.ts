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

async function roleFindings(
  context: PingOneDoctorContext,
  token: string,
  orgId: string | undefined,
): Promise<DoctorFinding[]> {
  const { config } = context;
  const roles = await readRoleNames(context, token);
  if ('finding' in roles) return [roles.finding];
  const own = await readAssignments(context, {
    token,
    appId: config.admin.clientId,
    check: 'roles',
    names: roles.names,
  });
  const findings: DoctorFinding[] = [];
  if (!('finding' in own)) findings.push(...judgeRoles(config, own.assignments, orgId));
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
  findings.push(...(await checkActors(context, { token, names: roles.names })));
  return findings;
}

/**
 * `idflow doctor` for PingOne, read-only (the token POSTs and GETs): the admin token works, the
 * admin Worker app holds the roles each step needs, the license the run would use has room for
 * its environment, and every configured optional actor is what its variables claim.
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
    const findings: DoctorFinding[] = [admin.finding];
    const organization = await organizationId(context, admin.token);
    const orgId = 'orgId' in organization ? organization.orgId : undefined;
    if ('finding' in organization) findings.push(organization.finding);
    findings.push(...(await roleFindings(context, admin.token, orgId)));
    if (config.environmentId !== undefined)
      findings.push({
        check: 'license',
        verdict: 'unverified',
        message: 'not checked: PINGONE_ENV_ID names an existing environment, so the run creates none',
        source: inferred('the license quota only limits creating environments'),
      });
    else if (orgId !== undefined) findings.push(await checkLicense(context, admin.token, orgId));
    return findings;
  } finally {
    await client.close();
  }
}
