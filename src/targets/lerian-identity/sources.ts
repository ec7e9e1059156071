import { documented, inferred, type Source } from '../../flow/step/source.ts';
import { DOCS as PAGES } from './conventions.ts';

/**
 * Where the Lerian Identity expectations come from: the Access Manager reference pages (quotes
 * verbatim, whitespace collapsed) or `inferred`, with the reason, where no page says it.
 */
/*
 * Ids: `UserResponse.id` is a UUID (v7, e.g. `019c96a0-0c21-71f9-a487-66a1258278a1`). Hence
 * flow/id-format.ts.
 */
const ENABLE = `${PAGES}/enable-mfa`;

/** A status block of the Enable MFA page's OpenAPI fragment, with its first example. */
function enableStatus(status: number, example: string): Source {
  return documented(
    `${ENABLE} (AM-identity.yaml #/paths/~1v1~1users~1{id}~1mfa~1enable/post/responses/${status})`,
    `'${status}': description: '' content: application/json: schema: $ref: ` +
      `'#/components/schemas/ErrorMessage' examples: ${example}:`,
  );
}

export const SOURCES = {
  token: documented(`${PAGES}/request-access-token`, '`tokenType` (req, "Bearer")'),
  challengeOnlyWithMfa: documented(
    `${PAGES}/request-access-token`,
    'If the user has MFA enabled, the response will contain an **MFAChallengeResponse** instead,',
  ),
  challenge: documented(`${PAGES}/request-access-token`, 'with a temporary `mfaToken`'),
  refresh: documented(`${PAGES}/refresh-token`, '→ OAuth2Token (`refresh-token.md`)'),
  createUser: documented(`${PAGES}/create-user`, '**201** `UserResponse`'),
  readUser: documented(`${PAGES}/retrieve-user-details`, '200 `UserResponse`'),
  userResponse: documented(
    `${PAGES}/create-user`,
    '`firstName`, `lastName`, `email`, `username`, `groups[]`',
  ),
  listUsers: documented(`${PAGES}/am-identity-apis`, 'List Users (paginated `page`,`limit`)'),
  enable400: enableStatus(400, 'Error0001'),
  enable404: enableStatus(404, 'Error1003'),
  enable500: enableStatus(500, 'Error0006'),
  enabled: documented(
    `${ENABLE} (AM-identity.yaml #/paths/~1v1~1users~1{id}~1mfa~1enable/post/responses/200)`,
    "'200': description: MFA enabled successfully for the user.",
  ),
  enabledExample: documented(ENABLE, 'example: enabled: true'),
  recoveryCodeRequired: documented(ENABLE, 'A valid recovery code is required to confirm the action.'),
  pathParameter: documented(
    'https://docs.lerian.studio/en/reference/access-manager/access-manager-error-list',
    'One or more path parameters are in an incorrect format.',
  ),
  errorFormat: documented(
    'https://docs.lerian.studio/en/partners-hub/error-format',
    'Error code format: `XXX-NNNN`, prefix `IDE` for Identity, `AUT` for Auth.',
  ),
  setup: documented(`${PAGES}/initiate-mfa-setup`, '200 `MFASetupResponse`'),
  setupExample: documented(`${PAGES}/initiate-mfa-setup`, '"mfaType":"app","enabled":false}'),
  setupUrl: documented(`${PAGES}/initiate-mfa-setup`, 'OTP Auth URL for QR code generation (TOTP only)'),
  recoveryCodes: documented(
    `${PAGES}/initiate-mfa-setup`,
    'One-time recovery codes to be stored by the user',
  ),
  verify: documented(`${PAGES}/verify-mfa-passcode`, '200 `{verified: bool}`'),
  verified: documented(`${PAGES}/verify-mfa-passcode`, '→ `{"verified":true}`'),
  status: documented(`${PAGES}/get-mfa-status`, '200 `MFAStatusResponse`'),
  statusEnabled: documented(
    `${PAGES}/get-mfa-status`,
    '`enabled:true, preferredType:"app", methods:["app"], totpEnabled:true`',
  ),
  preferred: documented(`${PAGES}/set-preferred-mfa-method`, '200 `{preferredType}`'),
  preferredExample: documented(`${PAGES}/set-preferred-mfa-method`, '"preferredType":"app"'),
  loginVerified: documented(`${PAGES}/verify-mfa-login`, '→ OAuth2Token (`verify-mfa-login`, Auth 2.6.4)'),
  recoveryInsteadOfPasscode: documented(
    `${PAGES}/verify-mfa-login`,
    'provide either a passcode or a recoveryCode — not both',
  ),
  userinfo: documented(
    `${PAGES}/retrieve-user-information`,
    '`GET /v1/userinfo` → `{email, emailVerified, name, picture, preferredUsername, profile, sub}`',
  ),
  userinfoSub: documented(`${PAGES}/retrieve-user-information`, 'and `sub` (user id)'),
} as const;

/** The token errors of Lerian's error list (message verbatim; their 401 is only inferred there). */
export function tokenErrorListed(code: string): Source {
  const rows: Record<string, string> = {
    'IDE-0008': 'tokenMissing | A valid token must be provided in the request header.',
    'IDE-0009': 'invalidToken | The provided token is expired, invalid or malformed.',
  };
  const row = rows[code];
  return row
    ? documented(
        'https://docs.lerian.studio/en/reference/access-manager/access-manager-error-list',
        `| ${code} | ${row} |`,
      )
    : inferred(`Lerian's error list has no ${code}`);
}

/** The titles of the Enable MFA page's error examples. */
const ENABLE_ERROR_TITLES: Readonly<Record<string, string>> = {
  'IDE-0001': 'Missing Fields in Request',
  'IDE-0003': 'Invalid Path Parameter',
  'IDE-0004': 'Unexpected Fields in the Request',
  'IDE-0007': 'Bad Request',
  'IDE-0040': 'MFA Already Enabled',
  'IDE-0043': 'MFA Setup Not Initiated',
  'IDE-0044': 'MFA Invalid Type',
  'IDE-1003': 'User ID Not Found',
  'IDE-0006': 'Internal Server Error',
  'IDE-0045': 'MFA Operation Failed',
};

/** The Enable MFA page's example of `code`, as its OpenAPI fragment gives it. */
export function enableExample(code: string): Source {
  const title = ENABLE_ERROR_TITLES[code];
  return title
    ? documented(ENABLE, `code: ${code} title: ${title}`)
    : inferred(`the Enable MFA page gives no example of ${code}`);
}

/** Why an answer is only inferred, for the `inferred` parts of an expectation. */
export const REASONS = {
  tokenRefusal:
    'the error list gives IDE-0008/IDE-0009 no status ([INFER] 401), and the auth middleware in front of ' +
    'the plugins may answer 401 as plain text; our emulator answers 401 with the ErrorMessage',
  reusedMfaToken:
    'no page says an mfaToken completes one login only, nor what a reuse answers; our emulator answers ' +
    '401 with an AUT code',
  wrongLoginPasscode:
    'the Verify MFA login page gives no error for a wrong passcode (the helm chart counts attempts: ' +
    'MFA_MAX_ATTEMPTS=5); our emulator answers 401 with an AUT code',
  reusedRecoveryCode:
    'recovery codes are one-time ("One-time recovery codes to be stored by the user"), but no page gives ' +
    "a reused code's answer; our emulator answers 401 with an AUT code",
} as const;

export const INFERRED = {
  disable: inferred(
    'Lerian documents that Disable MFA exists ("initiate, verify, enable, disable, review, or change MFA ' +
      'settings"), not its path or answer; our emulator serves POST …/mfa/disable',
  ),
  afterDisable: inferred(
    'what MFA status shows after a disable is undocumented (Casdoor clears every method); our emulator ' +
      'answers so',
  ),
} as const;
