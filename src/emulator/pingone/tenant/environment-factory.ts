import { randomUUID } from 'node:crypto';
import { timestamp } from './clock.ts';
import { defaultDevicePolicy } from './device-policy-defaults.ts';
import { defaultMfaSettings } from './mfa-settings-defaults.ts';
import type {
  BillOfMaterials,
  BillOfMaterialsProduct,
  EnvironmentRecord,
  EnvironmentRegion,
  EnvironmentType,
  LicenseRecord,
  PopulationRecord,
} from './model.ts';

export interface NewEnvironment {
  name: string;
  description?: string;
  icon?: string;
  subtype?: string;
  type: EnvironmentType;
  region: EnvironmentRegion;
  license: LicenseRecord;
  /** Products as requested; when absent the license decides (see `defaultProducts`). */
  products?: Omit<BillOfMaterialsProduct, 'id'>[];
  solutionType?: string;
}

const PRODUCT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  PING_ONE_BASE: 'PingOne Base',
  PING_ONE_MFA: 'PingOne MFA',
  PING_ONE_RISK: 'PingOne Risk',
  PING_ONE_PROVISIONING: 'PingOne Provisioning',
  PING_ONE_VERIFY: 'PingOne Verify',
  PING_ONE_AUTHORIZE: 'PingOne Authorize',
  PING_ONE_DAVINCI: 'PingOne DaVinci',
};

/**
 * The bill of materials a new environment gets when the request names none. Every seeded license
 * includes all seven products of the docs example; trial licenses without production rights get
 * only Base and MFA, so the derivation is visible.
 */
function defaultProducts(license: LicenseRecord): Omit<BillOfMaterialsProduct, 'id'>[] {
  const types = license.environments.allowProduction
    ? Object.keys(PRODUCT_DESCRIPTIONS)
    : ['PING_ONE_BASE', 'PING_ONE_MFA'];
  return types.map((type) => ({ type, description: PRODUCT_DESCRIPTIONS[type] ?? type }));
}

function billOfMaterials(input: NewEnvironment, at: string): BillOfMaterials {
  const products = (input.products ?? defaultProducts(input.license)).map((product) => ({
    id: randomUUID(),
    ...product,
  }));
  return {
    products,
    ...(input.solutionType === undefined ? {} : { solutionType: input.solutionType }),
    createdAt: at,
    updatedAt: at,
  };
}

/** The population every new environment starts with. */
export function defaultPopulation(themeId: string, at: string): PopulationRecord {
  return {
    id: randomUUID(),
    name: 'Default',
    description: 'Automatically created population.',
    preferredLanguage: 'en',
    default: true,
    themeId,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Builds an environment with what PingOne creates alongside it: default population, MFA settings,
 * default device authentication policy (TOTP disabled).
 */
export function createEnvironmentRecord(input: NewEnvironment): EnvironmentRecord {
  const at = timestamp();
  const themeId = randomUUID();
  const population = defaultPopulation(themeId, at);
  const devicePolicy = defaultDevicePolicy(at);
  return {
    id: randomUUID(),
    name: input.name,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.icon === undefined ? {} : { icon: input.icon }),
    ...(input.subtype === undefined ? {} : { subtype: input.subtype }),
    type: input.type,
    region: input.region,
    licenseId: input.license.id,
    status: 'ACTIVE',
    billOfMaterials: billOfMaterials(input, at),
    passwordPolicyId: randomUUID(),
    themeId,
    populations: new Map([[population.id, population]]),
    users: new Map(),
    mfaSettings: defaultMfaSettings(at),
    devicePolicies: new Map([[devicePolicy.id, devicePolicy]]),
    createdAt: at,
    updatedAt: at,
  };
}
