/** One entry of Lerian's error catalogue: what the body says and the status it comes with. */
export interface ErrorDefinition {
  readonly status: number;
  readonly title: string;
  /** `%s` is replaced by the caller's argument (AUT messages name the offending value). */
  readonly message: string;
}

/**
 * Identity plugin errors. 0001, 0004, 0007, 0040, 0043, 0044, 1003, 0006 and 0045 are verbatim
 * from the "Enable MFA" page; the others come from the Console's messages (titles from its i18n
 * ids); 0017, 0041, 0042 and 0046 are the emulator's own (see the README).
 */
export const IDE = {
  '0001': {
    status: 400,
    title: 'Missing Fields in Request',
    message: 'Your request is missing one or more required fields.',
  },
  '0002': {
    status: 400,
    title: 'Invalid Field Type',
    message: 'The provided field type in the request is invalid.',
  },
  '0003': {
    status: 400,
    title: 'Invalid Path Parameter',
    message: 'One or more path parameters are in an incorrect format.',
  },
  '0004': {
    status: 400,
    title: 'Unexpected Fields in the Request',
    message: 'The request body contains more fields than expected. Please send only the allowed fields.',
  },
  '0005': {
    status: 400,
    title: 'Invalid Query Parameter',
    message: 'One or more query parameters are in an incorrect format.',
  },
  '0006': {
    status: 500,
    title: 'Internal Server Error',
    message: 'The server encountered an unexpected error. Please try again later.',
  },
  '0007': {
    status: 400,
    title: 'Bad Request',
    message: 'The server could not understand the request due to malformed syntax.',
  },
  '0008': {
    status: 401,
    title: 'Token Missing',
    message: 'A valid token must be provided in the request header.',
  },
  '0009': {
    status: 401,
    title: 'Invalid Token',
    message: 'The provided token is expired, invalid or malformed.',
  },
  '0017': {
    status: 409,
    title: 'User Already Exists',
    message: 'A user with this username or email already exists.',
  },
  '0020': {
    status: 400,
    title: 'Password Too Short',
    message: 'The password must be at least 12 characters long.',
  },
  '0040': { status: 400, title: 'MFA Already Enabled', message: 'MFA is already enabled for this user.' },
  '0041': {
    status: 400,
    title: 'MFA Setup Not Verified',
    message: 'The MFA passcode has not been verified for this user. Please call the verify endpoint first.',
  },
  '0042': {
    status: 400,
    title: 'MFA Not Enabled',
    message: 'MFA is not enabled for this user with the provided type.',
  },
  '0043': {
    status: 400,
    title: 'MFA Setup Not Initiated',
    message: 'MFA setup has not been initiated for this user. Please call the setup endpoint first.',
  },
  '0044': {
    status: 400,
    title: 'MFA Invalid Type',
    message: 'The provided MFA type is invalid. Accepted values are app, email, and sms.',
  },
  '0045': {
    status: 500,
    title: 'MFA Operation Failed',
    message: 'The MFA operation failed due to an unexpected error. Please try again later.',
  },
  '0046': {
    status: 400,
    title: 'Invalid MFA Confirmation',
    message: 'The recovery code or secret does not match the MFA setup of this user.',
  },
  '1003': {
    status: 404,
    title: 'User ID Not Found',
    message: 'The provided user ID does not exist in our records.',
  },
  '1006': {
    status: 404,
    title: 'Group ID Not Found',
    message: 'The provided group ID does not exist in our records.',
  },
} as const satisfies Record<string, ErrorDefinition>;

/**
 * Auth plugin errors, from the Access Manager error list and the Console's messages; 1016 and
 * 1017 (the MFA login refusals) are the emulator's own.
 */
export const AUT = {
  '0001': {
    status: 400,
    title: 'Missing Fields in Request',
    message:
      'Your request is missing one or more required fields. Please refer to the documentation to ensure ' +
      'all necessary fields are included in your request.',
  },
  '0003': {
    status: 400,
    title: 'Unexpected Fields in the Request',
    message:
      'The request body contains more fields than expected. Please send only the allowed fields as per ' +
      'the documentation. The unexpected fields are listed in the fields object.',
  },
  '0005': {
    status: 500,
    title: 'Internal Server Error',
    message: 'The server encountered an unexpected error. Please try again later or contact support.',
  },
  '0006': {
    status: 401,
    title: 'Token Missing',
    message: 'A valid token must be provided in the request header. Please include a token and try again.',
  },
  '0007': {
    status: 401,
    title: 'Invalid Token',
    message:
      'The provided token is expired, invalid or malformed. Please provide a valid token and try again.',
  },
  '0009': {
    status: 400,
    title: 'Bad Request',
    message:
      'The server could not understand the request due to malformed syntax. Please check the listed ' +
      'fields and try again.',
  },
  '0013': {
    status: 400,
    title: 'Invalid Grant Type',
    message:
      "The provided 'grantType' %s is not valid. Accepted grant types are password, client_credentials, refresh_token, or others. Please provide a valid type.",
  },
  '0014': {
    status: 400,
    title: 'Grant Type Missing Fields',
    message:
      "The provided 'grant_type' %s is missing required fields. Please refer to the documentation for guidance.",
  },
  '1002': {
    status: 401,
    title: 'Invalid Username or Password',
    message:
      "The provided 'username' or 'password' is incorrect. Please verify the credentials and try again.",
  },
  '1003': {
    status: 401,
    title: 'Invalid Token',
    message:
      'The provided token is expired, invalid or malformed. Please provide a valid token and try again.',
  },
  '1004': {
    status: 401,
    title: 'Invalid Client',
    message:
      "The provided 'clientId' or 'clientSecret' is incorrect. Please verify the credentials and try again.",
  },
  '1005': {
    status: 400,
    title: 'Invalid Refresh Token',
    message:
      "The provided 'refreshToken' is invalid, expired or revoked. Please verify the token and try again.",
  },
  '1016': {
    status: 401,
    title: 'Invalid MFA Passcode',
    message:
      "The provided 'passcode' or 'recoveryCode' is not valid for this MFA challenge. %s attempts remaining.",
  },
  '1017': {
    status: 401,
    title: 'MFA Attempts Exceeded',
    message: 'Too many failed MFA attempts. The MFA challenge was revoked; log in again to start a new one.',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type IdeCode = keyof typeof IDE;
export type AutCode = keyof typeof AUT;
