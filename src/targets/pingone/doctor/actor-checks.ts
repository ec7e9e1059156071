import { inferred } from '../../../flow/step/source.ts';
import { rolesTab } from './console-fixes.ts';
import { readAssignments, describeAssignments, type Assignment } from './role-assignments.ts';
import { checkToken } from './token-check.ts';
import type { PingOneDoctorContext } from './doctor-context.ts';
import type { Actor } from '../config.ts';
import type { DoctorFinding } from '../../../doctor/finding.ts';

/** An optional actor: its variables, what env/pingone.env.example says it is, and how to judge that. */
interface ActorClaim {
  readonly idVariable: string;
  readonly secretVariable: string;
  readonly claim: string;
  /** What is wrong with these assignments for the claim, or undefined when they fit it. */
  readonly wrong: (assignments: readonly Assignment[]) => string | undefined;
  /** Whether its token is asked for: the no-role actor's refusal is the probe's own business. */
  readonly getsToken: boolean;
}

const CLAIM_SOURCE = inferred(
  'what env/pingone.env.example says the variables name; the troubleshooting probes that use the actor ' +
    'rely on it',
);

const IDENTITY_DATA_ADMIN = 'Identity Data Admin';

/** The optional actors, in the order the example env file lists them. */
const CLAIMS: Readonly<Record<keyof PingOneDoctorContext['config']['actors'], ActorClaim>> = {
  identityDataAdmin: {
    idVariable: 'PINGONE_IDENTITY_ADMIN_CLIENT_ID',
    secretVariable: 'PINGONE_IDENTITY_ADMIN_CLIENT_SECRET',
    claim: 'a Worker app whose only role is Identity Data Admin',
    wrong: (assignments) => {
      if (!assignments.some((assignment) => assignment.roleName === IDENTITY_DATA_ADMIN))
        return 'it holds no Identity Data Admin role';
      const others = assignments.filter((assignment) => assignment.roleName !== IDENTITY_DATA_ADMIN);
      return others.length
        ? `it also holds ${describeAssignments(others)}, so the probes that expect it to be refused would be allowed`
        : undefined;
    },
    getsToken: true,
  },
  noRole: {
    idVariable: 'PINGONE_NO_ROLE_CLIENT_ID',
    secretVariable: 'PINGONE_NO_ROLE_CLIENT_SECRET',
    claim: 'a Worker app with no role assignment',
    wrong: (assignments) => (assignments.length ? `it holds ${describeAssignments(assignments)}` : undefined),
    getsToken: false,
  },
};

function fixFor(claim: ActorClaim, clientId: string): string {
  return claim.getsToken
    ? `leave Identity Data Admin as its only role: ${rolesTab(clientId, "clear the role's check box")} for every other role, or Grant roles to add Identity Data Admin; or name such an app in ${claim.idVariable}, or unset the pair to skip its probes`
    : `remove every role of that app: ${rolesTab(clientId, "clear the role's check box")}; or name an app without roles in ${claim.idVariable}, or unset the pair to skip its probe`;
}

async function checkActor(
  context: PingOneDoctorContext,
  read: { readonly token: string; readonly names: ReadonlyMap<string, string> },
  claim: ActorClaim,
  actor: Actor,
): Promise<DoctorFinding[]> {
  const check = `actor ${claim.idVariable}`;
  const findings: DoctorFinding[] = [];
  const result = await readAssignments(context, {
    token: read.token,
    appId: actor.clientId,
    check,
    names: read.names,
  });
  if ('finding' in result) {
    const missing = result.status === 404;
    findings.push({
      ...result.finding,
      message: missing
        ? `${result.finding.message}: the admin environment (PINGONE_ADMIN_ENV_ID) holds no application ${actor.clientId}, and the probes ask its token there`
        : result.finding.message,
      ...(result.status === 403 || missing
        ? {
            fix: missing
              ? `set ${claim.idVariable} to the Client ID of ${claim.claim} in the admin environment, or unset the pair`
              : 'see the roles finding: the admin Worker app needs Environment Admin to read role assignments',
          }
        : {}),
    });
    return findings;
  }
  const wrong = claim.wrong(result.assignments);
  findings.push(
    wrong === undefined
      ? { check, verdict: 'ok', message: `${actor.clientId} is ${claim.claim}`, source: CLAIM_SOURCE }
      : {
          check,
          verdict: 'config',
          message: `${claim.idVariable} should name ${claim.claim}, but ${wrong}`,
          fix: fixFor(claim, actor.clientId),
          source: CLAIM_SOURCE,
        },
  );
  if (claim.getsToken) {
    const token = await checkToken(context, {
      actor,
      idVariable: claim.idVariable,
      secretVariable: claim.secretVariable,
    });
    if (token.finding.verdict !== 'ok') findings.push({ ...token.finding, check });
  }
  return findings;
}

/**
 * Every configured optional actor is what its variables claim: its role assignments, read with
 * the admin token, fit the claim, and the Identity Data Admin actor gets a token.
 */
export async function checkActors(
  context: PingOneDoctorContext,
  read: { readonly token: string; readonly names: ReadonlyMap<string, string> },
): Promise<DoctorFinding[]> {
  const checks = (Object.entries(CLAIMS) as [keyof typeof CLAIMS, ActorClaim][]).map(([key, claim]) => {
    const actor = context.config.actors[key];
    return actor === undefined ? [] : checkActor(context, read, claim, actor);
  });
  // Side by side, reported in the claims' order.
  return (await Promise.all(checks)).flat();
}
