import { objectOf, unanswered, quoteAnswer } from '../../../doctor/ask.ts';
import { isWellFormedId } from '../../../flow/step/id-format.ts';
import { documented, inferred } from '../../../flow/step/source.ts';
import { LICENSE_PAGE, LICENSES_API } from './console-fixes.ts';
import { answered, getJson, type PingOneDoctorContext } from './doctor-context.ts';
import type { DoctorFinding } from '../../../doctor/finding.ts';

const ROOM = documented(
  LICENSES_API,
  'assignedEnvironmentsCount: The total number of environments associated with this license … ' +
    'environments.max: the maximum number of environments allowed',
);
const ACTIVE_LICENSE = documented(
  'https://developer.pingidentity.com/pingone-api/getting-started/create-a-test-environment/step-2-read-all-licenses.html',
  'You can use the filtering expression filter=status eq "active" to return licenses that have a status ' +
    'value of ACTIVE.',
);
const ORGANIZATIONS = documented(
  'pingone-management.yml#/paths/~1organizations/get (readAllOrganizations)',
  'READ All Organizations … _embedded.organizations[].id',
);

function check(
  verdict: DoctorFinding['verdict'],
  message: string,
  extra: Partial<DoctorFinding> = {},
): DoctorFinding {
  return { check: 'license', verdict, message, source: ROOM, ...extra };
}

const FREE_A_SLOT =
  `free a place on it: delete an environment you no longer need (admin console: Environments; 'idflow sweep' deletes what crashed idflow runs left), ` +
  `move an environment to another license (Licenses page, ${LICENSE_PAGE}), or set PINGONE_LICENSE_ID to ` +
  `an ACTIVE license with room`;

/** The organization id: PINGONE_ORG_ID, else the first of `GET /organizations`. */
export async function organizationId(
  context: PingOneDoctorContext,
  token: string,
): Promise<{ orgId: string } | { finding: DoctorFinding }> {
  if (context.config.orgId !== undefined) return { orgId: context.config.orgId };
  const asked = await getJson(context, token, '/organizations');
  const list =
    asked.kind === 'answer' && asked.response.status === 200
      ? objectOf(objectOf(asked.response.json)?._embedded)?.organizations
      : undefined;
  const id = Array.isArray(list) ? objectOf(list[0])?.id : undefined;
  if (isWellFormedId(id)) return { orgId: id };
  const forbidden = asked.kind === 'answer' && asked.response.status === 403;
  return {
    finding: {
      check: 'organization',
      verdict: forbidden ? 'config' : 'conformance',
      message: `${answered('GET', '/organizations', asked)}${asked.kind === 'answer' && asked.response.status === 200 ? `, whose first organization id is ${quoteAnswer(id)}, not a UUID` : ''}`,
      ...(forbidden
        ? { fix: 'set PINGONE_ORG_ID (admin console: Settings > Environment Properties > Organization ID)' }
        : {}),
      source: ORGANIZATIONS,
      ...unanswered(asked),
    },
  };
}

function licenseName(license: Record<string, unknown>): string {
  return (
    `${quoteAnswer(license.name)} ` + `(${isWellFormedId(license.id) ? license.id : quoteAnswer(license.id)})`
  );
}

/** Whether the license the run would use has room for one more environment. */
function judgeRoom(license: Record<string, unknown>): DoctorFinding {
  const assigned = license.assignedEnvironmentsCount;
  const max = objectOf(license.environments)?.max;
  if (typeof assigned !== 'number' || typeof max !== 'number')
    return check(
      'unverified',
      `license ${licenseName(license)} does not say both assignedEnvironmentsCount and environments.max, ` +
        `so its room cannot be told`,
      {
        source: inferred(
          'the OpenAPI License schema requires only name; the API reference marks both fields read-only ' +
            'without saying they are always present',
        ),
      },
    );
  if (assigned >= max)
    return check(
      'config',
      `license ${licenseName(license)} holds ${assigned} of at most ${max} environments: the run's new ` +
        `environment would exceed it`,
      {
        fix: FREE_A_SLOT,
      },
    );
  return check(
    'ok',
    `license ${licenseName(license)} holds ${assigned} of at most ${max} environments: room for the ` +
      `run's one`,
  );
}

/**
 * The license the run would create its environment on: PINGONE_LICENSE_ID, which must exist
 * and be ACTIVE, else the first ACTIVE one (as step 02 picks it), and whether it has room.
 */
export async function checkLicense(
  context: PingOneDoctorContext,
  token: string,
  orgId: string,
): Promise<DoctorFinding> {
  const { licenseId } = context.config;
  const path = `/organizations/${orgId}/licenses${licenseId === undefined ? '' : `/${licenseId}`}`;
  const asked = await getJson(context, token, path);
  const status = asked.kind === 'answer' ? asked.response.status : undefined;
  if (licenseId !== undefined && status === 404)
    return check(
      'config',
      `${answered('GET', path, asked)}: PINGONE_LICENSE_ID names no license of organization ${orgId}`,
      {
        fix:
          `set PINGONE_LICENSE_ID to an ACTIVE license's id from the Licenses page (${LICENSE_PAGE}), ` +
          `or unset it to use the first ACTIVE one`,
        source: ACTIVE_LICENSE,
      },
    );
  if (status === 403)
    return check('config', `${answered('GET', path, asked)}: the Worker app may not read licenses`, {
      fix: 'grant Organization Admin to the Worker app (see the roles finding)',
      source: ACTIVE_LICENSE,
    });
  const body = asked.kind === 'answer' && status === 200 ? objectOf(asked.response.json) : undefined;
  const candidates = licenseId === undefined ? objectOf(body?._embedded)?.licenses : [body];
  if (!Array.isArray(candidates) || candidates.some((item) => objectOf(item) === undefined))
    return check(
      'conformance',
      `${answered('GET', path, asked)}, not the license${licenseId === undefined ? 's' : ''} the docs ` +
        `describe`,
      { source: ACTIVE_LICENSE, ...unanswered(asked) },
    );
  const licenses = candidates as Record<string, unknown>[];
  const chosen = licenses.find((license) => license.status === 'ACTIVE');
  if (chosen === undefined)
    return check(
      'config',
      licenseId === undefined
        ? `organization ${orgId} has no ACTIVE license`
        : `PINGONE_LICENSE_ID names license ${licenseName(licenses[0] ?? {})}, whose status is ${quoteAnswer(licenses[0]?.status)}, not ACTIVE`,
      {
        fix:
          `name an ACTIVE license in PINGONE_LICENSE_ID or unset it; the Licenses page lists them ` +
          `(${LICENSE_PAGE})`,
        source: ACTIVE_LICENSE,
      },
    );
  return judgeRoom(chosen);
}
