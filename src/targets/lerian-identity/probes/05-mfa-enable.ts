import { cited, inferredCheck } from '../../../flow/step/checks.ts';
import type { Source } from '../../../flow/step/source.ts';
import { DOCS, FORCE_ERROR_HEADER, PLAIN_TEXT_UNAUTHORIZED, errorAnswer, errorCode } from '../conventions.ts';
import { EXAMPLE_ENABLE_BODY, enableRequest } from '../steps/enable-request.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { REASONS, SOURCES, enableExample, tokenErrorListed } from '../sources.ts';

const ENABLE_DOCS = `${DOCS}/enable-mfa`;
/** A well-formed UUIDv7 no tenant has issued. */
const UNKNOWN_USER_ID = '019c96a0-0c21-71f9-a487-000000000000';

function probe(
  id: string,
  title: string,
  request: StepDefinition['request'],
  status: number,
  code: string,
): StepDefinition {
  const statusSource: Record<number, Source> = {
    400: SOURCES.enable400,
    404: SOURCES.enable404,
    500: SOURCES.enable500,
  };
  return {
    id,
    title,
    docs: ENABLE_DOCS,
    request,
    expect: errorAnswer(status, statusSource[status] ?? SOURCES.errorFormat),
    checks: cited(enableExample(code), errorCode(code)),
  };
}

/** Why IDE-0003 for a malformed user id is only inferred. */
const MALFORMED_ID_REASON =
  "IDE-0003 (Invalid Path Parameter) is in the Access Manager error list but not in the Enable MFA page's; our emulator answers it";

/** A malformed user id: refused (an id the API never issued); the 400 IDE-0003 is inferred. */
function malformedIdProbe(): StepDefinition {
  const step = probe(
    '03h-enable-malformed-user-id',
    'Enable MFA for a malformed user id: IDE-0003',
    enableRequest(EXAMPLE_ENABLE_BODY, 'not-a-user-id'),
    400,
    'IDE-0003',
  );
  return {
    ...step,
    expect: {
      ...step.expect,
      source: SOURCES.pathParameter,
      inferred: { status: MALFORMED_ID_REASON, refusalDocumented: true },
    },
    checks: [inferredCheck(errorCode('IDE-0003'), MALFORMED_ID_REASON)],
  };
}

/** A token the middleware refuses: an ErrorMessage with `code`, or the middleware's plain-text 401. */
function tokenProbe(
  id: string,
  title: string,
  request: StepDefinition['request'],
  code: string,
): StepDefinition {
  const step = probe(id, title, request, 401, code);
  // The code and its ErrorMessage are in Lerian's error list; the 401 is the reference's inference.
  const listed = tokenErrorListed(code);
  return {
    ...step,
    expect: {
      ...step.expect,
      source: listed,
      inferred: { status: REASONS.tokenRefusal, refusalDocumented: true },
    },
    checks: cited(listed, errorCode(code)),
    alternatives: [PLAIN_TEXT_UNAUTHORIZED],
  };
}

/**
 * The Enable MFA page's error catalogue, provoked on the fresh user before any setup. Each probe
 * checks the status, the ErrorMessage schema and the exact code.
 */
export const enableErrorProbes: readonly StepDefinition[] = [
  probe(
    '03-enable-without-setup',
    'Enable MFA on a user that never started setup: IDE-0043',
    enableRequest(EXAMPLE_ENABLE_BODY),
    400,
    'IDE-0043',
  ),
  probe(
    '03b-enable-missing-recovery-code',
    'Enable MFA without recoveryCode: IDE-0001',
    enableRequest({ mfaType: 'app', secret: EXAMPLE_ENABLE_BODY.secret }),
    400,
    'IDE-0001',
  ),
  probe(
    '03c-enable-missing-mfa-type',
    'Enable MFA without mfaType: IDE-0001',
    enableRequest({ recoveryCode: EXAMPLE_ENABLE_BODY.recoveryCode, secret: EXAMPLE_ENABLE_BODY.secret }),
    400,
    'IDE-0001',
  ),
  probe(
    '03d-enable-extra-field',
    'Enable MFA with an extra field: IDE-0004',
    enableRequest({ ...EXAMPLE_ENABLE_BODY, idflowExtra: true }),
    400,
    'IDE-0004',
  ),
  probe(
    '03e-enable-malformed-json',
    'Enable MFA with a body that is not JSON (form-encoded, sent as application/json): IDE-0007',
    {
      ...enableRequest(EXAMPLE_ENABLE_BODY),
      body: { form: { recoveryCode: EXAMPLE_ENABLE_BODY.recoveryCode, mfaType: 'app' } },
      headers: { 'content-type': 'application/json' },
    },
    400,
    'IDE-0007',
  ),
  probe(
    '03f-enable-invalid-type',
    'Enable MFA with mfaType "fax": IDE-0044',
    enableRequest({ ...EXAMPLE_ENABLE_BODY, mfaType: 'fax' }),
    400,
    'IDE-0044',
  ),
  probe(
    '03g-enable-unknown-user',
    'Enable MFA for an unknown user id: IDE-1003',
    enableRequest(EXAMPLE_ENABLE_BODY, UNKNOWN_USER_ID),
    404,
    'IDE-1003',
  ),
  malformedIdProbe(),
  tokenProbe(
    '03i-enable-without-token',
    'Enable MFA without a bearer token: 401 IDE-0008 (or plain text)',
    { ...enableRequest(EXAMPLE_ENABLE_BODY), auth: { type: 'none' } },
    'IDE-0008',
  ),
  tokenProbe(
    '03j-enable-invalid-token',
    'Enable MFA with an invalid bearer token: 401 IDE-0009 (or plain text)',
    { ...enableRequest(EXAMPLE_ENABLE_BODY), auth: { type: 'bearer', token: 'idflow.invalid.token' } },
    'IDE-0009',
  ),
];

/**
 * Server-side 500s a real tenant cannot be made to answer safely: only the idflow emulator's
 * fault mode (`X-Idflow-Force-Error`) provokes them, to check their ErrorMessage shape.
 */
export const serverErrorProbes: readonly StepDefinition[] = [
  probe(
    '03k-enable-internal-error',
    'Enable MFA answering an internal error: 500 IDE-0006',
    { ...enableRequest(EXAMPLE_ENABLE_BODY), headers: { [FORCE_ERROR_HEADER]: 'IDE-0006' } },
    500,
    'IDE-0006',
  ),
  probe(
    '03l-enable-operation-failed',
    'Enable MFA answering "MFA Operation Failed": 500 IDE-0045',
    { ...enableRequest(EXAMPLE_ENABLE_BODY), headers: { [FORCE_ERROR_HEADER]: 'IDE-0045' } },
    500,
    'IDE-0045',
  ),
];
