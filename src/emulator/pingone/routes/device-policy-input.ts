import {
  asObject,
  readBoolean,
  readEnum,
  readInteger,
  readObject,
  readString,
  Validation,
} from '../wire/validation.ts';

type Json = Record<string, unknown>;

const TIME_UNITS = ['MINUTES', 'SECONDS'] as const;

/** What a create or update body sets: everything but the read-only fields. */
export interface DevicePolicyInput {
  name: string;
  default: boolean;
  methods: Record<string, unknown>;
}

/** Optional OAS properties stored as sent once they are JSON objects (their insides are not checked). */
const OPTIONAL_OBJECTS = [
  'authentication',
  'notificationsPolicy',
  'oathToken',
  'rememberMe',
  'desktop',
  'yubikey',
];

function readDuration(v: Validation, parent: Json, key: string, target: string, required: boolean): void {
  const duration = readObject(v, parent, key, target, { required });
  if (!duration) return;
  readInteger(v, duration, 'duration', `${target}.duration`, { required: true, min: 0 });
  readEnum(v, duration, 'timeUnit', `${target}.timeUnit`, TIME_UNITS, { required: true });
}

function readFailure(v: Validation, otp: Json, target: string): void {
  const failure = readObject(v, otp, 'failure', `${target}.failure`, { required: true });
  if (!failure) return;
  readInteger(v, failure, 'count', `${target}.failure.count`, { required: true, min: 1 });
  readDuration(v, failure, 'coolDown', `${target}.failure.coolDown`, true);
}

/**
 * One method object: `enabled` and `otp.failure` always (OAS: `enabled`, `otp` required);
 * offline methods (SMS, voice, email, WhatsApp) also need `otp.lifeTime` and allow `otpLength` 6–10.
 */
function readMethod(
  v: Validation,
  body: Json,
  key: string,
  kind: 'offline' | 'otp',
  required: boolean,
): void {
  const method = readObject(v, body, key, key, { required });
  if (!method) return;
  readBoolean(v, method, 'enabled', `${key}.enabled`, { required: true });
  readBoolean(v, method, 'pairingDisabled', `${key}.pairingDisabled`);
  const otp = readObject(v, method, 'otp', `${key}.otp`, { required: true });
  if (!otp) return;
  readFailure(v, otp, `${key}.otp`);
  if (kind === 'offline') {
    readDuration(v, otp, 'lifeTime', `${key}.otp.lifeTime`, true);
    readInteger(v, otp, 'otpLength', `${key}.otp.otpLength`, { min: 6, max: 10 });
  }
}

function readTotpExtras(v: Validation, body: Json): void {
  const totp = asObject(body.totp);
  if (!totp) return;
  readInteger(v, totp, 'passcodeGracePeriod', 'totp.passcodeGracePeriod', { min: 1, max: 10 });
  const uri = readObject(v, totp, 'uriParameters', 'totp.uriParameters');
  for (const [name, value] of Object.entries(uri ?? {}))
    if (typeof value !== 'string')
      v.invalid(`totp.uriParameters.${name}`, `totp.uriParameters.${name} must be a string.`);
}

/**
 * Validates a create or update body against the docs' request model: `name`, `default`, `sms`,
 * `voice`, `email`, `mobile` and `totp` are required; `fido2`, `whatsApp` and the other OAS
 * options are optional. Unknown and read-only fields are ignored.
 */
export function readDevicePolicy(body: Json): DevicePolicyInput {
  const v = new Validation();
  const name = readString(v, body, 'name', 'name', { required: true, maxLength: 256 });
  const isDefault = readBoolean(v, body, 'default', 'default', { required: true });
  for (const key of ['sms', 'voice', 'email']) readMethod(v, body, key, 'offline', true);
  readMethod(v, body, 'whatsApp', 'offline', false);
  readMethod(v, body, 'mobile', 'otp', true);
  readMethod(v, body, 'totp', 'otp', true);
  readTotpExtras(v, body);
  const fido2 = readObject(v, body, 'fido2', 'fido2');
  if (fido2) readBoolean(v, fido2, 'enabled', 'fido2.enabled', { required: true });
  readEnum(v, body, 'newDeviceNotification', 'newDeviceNotification', [
    'NONE',
    'EMAIL_THEN_SMS',
    'SMS_THEN_EMAIL',
  ]);
  readBoolean(v, body, 'ignoreUserLock', 'ignoreUserLock');
  for (const key of OPTIONAL_OBJECTS) readObject(v, body, key, key);
  v.throwIfInvalid();

  const stored = [
    'sms',
    'voice',
    'email',
    'whatsApp',
    'mobile',
    'totp',
    'fido2',
    'newDeviceNotification',
    'ignoreUserLock',
    ...OPTIONAL_OBJECTS,
  ];
  const methods: Record<string, unknown> = {};
  for (const key of stored)
    if (body[key] !== undefined && body[key] !== null) methods[key] = structuredClone(body[key]);
  return { name: name ?? '', default: isDefault ?? false, methods };
}
