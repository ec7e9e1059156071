/** Region codes of environments, and the spelling licenses use for the same regions. */
export const ENVIRONMENT_REGIONS = ['AP', 'AU', 'CA', 'EU', 'NA', 'SG'] as const;
export type EnvironmentRegion = (typeof ENVIRONMENT_REGIONS)[number];
export type LicenseRegion = 'AP' | 'AU' | 'CA' | 'EU' | 'NORTH_AMERICA' | 'SG';

export const ENVIRONMENT_TYPES = ['SANDBOX', 'PRODUCTION'] as const;
export type EnvironmentType = (typeof ENVIRONMENT_TYPES)[number];

export type LicenseStatus = 'ACTIVE' | 'EXPIRED' | 'FUTURE' | 'TERMINATED';
export type RoleScopeType = 'ORGANIZATION' | 'ENVIRONMENT' | 'POPULATION' | 'APPLICATION';

export interface OrganizationRecord {
  readonly id: string;
  name: string;
  description: string;
  type: 'PAID' | 'TRIAL' | 'INTERNAL';
  readonly createdAt: string;
  updatedAt: string;
}

export interface LicenseRecord {
  readonly id: string;
  name: string;
  package: string;
  status: LicenseStatus;
  beginsAt: string;
  expiresAt: string;
  terminatesAt?: string;
  environments: { allowProduction: boolean; max: number; regions: LicenseRegion[] };
}

export interface BillOfMaterialsProduct {
  readonly id: string;
  type: string;
  description?: string;
  console?: { href: string };
  bookmarks?: { name: string; href: string }[];
  tags?: string[];
}

export interface BillOfMaterials {
  products: BillOfMaterialsProduct[];
  solutionType?: string;
  createdAt: string;
  updatedAt: string;
}

export interface PopulationRecord {
  readonly id: string;
  name: string;
  description?: string;
  preferredLanguage: string;
  default: boolean;
  themeId: string;
  passwordPolicyId?: string;
  alternativeIdentifiers?: string[];
  readonly createdAt: string;
  updatedAt: string;
}

export type PasswordStatus = 'NO_PASSWORD' | 'OK' | 'MUST_CHANGE_PASSWORD';

export interface PasswordState {
  status: PasswordStatus;
  lastChangedAt?: string;
  /** SHA-256 hex of recent passwords, newest first, for the history rule. */
  history: string[];
}

export const DEVICE_TYPES = ['EMAIL', 'SMS', 'VOICE', 'TOTP'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
export type DeviceStatus = 'ACTIVE' | 'ACTIVATION_REQUIRED' | 'BLOCKED';

export interface DeviceRecord {
  readonly id: string;
  readonly type: DeviceType;
  status: DeviceStatus;
  email?: string;
  phone?: string;
  nickname?: string;
  /** Base32 TOTP secret; never rendered after the create response. */
  secret?: string;
  failedActivationAttempts: number;
  /** Epoch ms until which activation is refused after too many wrong codes. */
  lockedUntil?: number;
  /** The device authentication policy the device was paired under (`policy.id`, else the default). */
  policyId?: string;
  readonly createdAt: string;
  updatedAt: string;
}

export interface UserRecord {
  readonly id: string;
  username: string;
  email: string;
  populationId: string;
  enabled: boolean;
  mfaEnabled: boolean;
  lifecycleStatus: 'ACCOUNT_OK' | 'VERIFICATION_REQUIRED';
  /** Optional profile attributes (name, locale, phones, …) stored as sent. */
  profile: Record<string, unknown>;
  password: PasswordState;
  devices: Map<string, DeviceRecord>;
  readonly createdAt: string;
  updatedAt: string;
}

export interface MfaSettingsRecord {
  pairing: { maxAllowedDevices: number; pairingKeyFormat: 'NUMERIC' | 'ALPHANUMERIC' };
  lockout?: { failureCount: number; durationSeconds?: number };
  phoneExtensions: { enabled: boolean };
  users: { mfaEnabled: boolean };
  authentication: { deviceSelection: 'DEFAULT_TO_FIRST' | 'PROMPT_TO_SELECT' };
  updatedAt: string;
}

/**
 * A device authentication policy ("MFA policy"). `methods` holds the per-method objects and
 * options as the last create or update sent them (validated), keyed by their OAS property names.
 */
export interface DevicePolicyRecord {
  readonly id: string;
  name: string;
  default: boolean;
  methods: Record<string, unknown>;
  updatedAt: string;
}

export interface EnvironmentRecord {
  readonly id: string;
  name: string;
  description?: string;
  icon?: string;
  subtype?: string;
  type: EnvironmentType;
  readonly region: EnvironmentRegion;
  licenseId: string;
  status: 'ACTIVE';
  billOfMaterials: BillOfMaterials;
  readonly passwordPolicyId: string;
  readonly themeId: string;
  populations: Map<string, PopulationRecord>;
  users: Map<string, UserRecord>;
  mfaSettings: MfaSettingsRecord;
  devicePolicies: Map<string, DevicePolicyRecord>;
  readonly createdAt: string;
  updatedAt: string;
}

export interface RoleRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly applicableTo: readonly RoleScopeType[];
  readonly permissions: readonly { id: string; classifier: string; description: string }[];
}

export interface RoleAssignmentRecord {
  readonly id: string;
  readonly roleId: string;
  readonly scope: { readonly id: string; readonly type: RoleScopeType };
  /** Environment the assignment lives in (the worker app's environment). */
  readonly environmentId: string;
  readonly readOnly: boolean;
}

export interface WorkerAppRecord {
  /** Also the OAuth `client_id`. */
  readonly id: string;
  readonly name: string;
  readonly environmentId: string;
  clientSecret: string;
  enabled: boolean;
  roleAssignments: RoleAssignmentRecord[];
}

/** An access token the emulator issued, kept so tests can scan outputs for leaks. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly clientId: string;
  readonly jti: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}
