import type { NewEnvironment } from '../tenant/environment-factory.ts';
import { ENVIRONMENT_REGIONS, ENVIRONMENT_TYPES } from '../tenant/model.ts';
import type {
  BillOfMaterialsProduct,
  EnvironmentRegion,
  LicenseRecord,
  LicenseRegion,
} from '../tenant/model.ts';
import type { PingOneTenant } from '../tenant/tenant.ts';
import { fail, P1_MESSAGES, p1Error } from '../wire/p1-error.ts';
import { asObject, readEnum, readObject, readString, Validation } from '../wire/validation.ts';

const PRODUCT_TYPES = [
  'PING_ONE_BASE',
  'PING_ONE_MFA',
  'PING_ONE_RISK',
  'PING_ONE_VERIFY',
  'PING_ONE_CREDENTIALS',
  'PING_ONE_AUTHORIZE',
  'PING_ONE_DAVINCI',
  'PING_ONE_ORCHESTRATE',
  'PING_ONE_PROVISIONING',
  'PING_ONE_FRAUD',
  'PING_ONE_ID',
  'PING_ONE_FOR_ENTERPRISE',
  'PING_ONE_FOR_SAAS',
  'PING_ONE_LEGACY',
  'PING_ID',
  'PING_ID_SDK',
  'PING_FEDERATE',
  'PING_ACCESS',
  'PING_DIRECTORY',
  'PING_AUTHORIZE',
  'PING_CENTRAL',
  'PING_DATA_SYNC',
  'PING_DATA_GOVERNANCE',
  'PING_INTELLIGENCE',
  'IDENTITY_CLOUD',
] as const;
const SUBTYPES = ['DEV', 'QA', 'STAGING', 'TESTING', 'UAT'] as const;
const SOLUTION_TYPES = ['CUSTOMER', 'WORKFORCE', 'CIAM_TRIAL', 'WF_TRIAL'] as const;

/** Licenses spell North America differently from environments; every other code is shared. */
export function environmentRegionOf(region: LicenseRegion): EnvironmentRegion {
  return region === 'NORTH_AMERICA' ? 'NA' : region;
}

function readProducts(
  v: Validation,
  body: Record<string, unknown>,
): Omit<BillOfMaterialsProduct, 'id'>[] | undefined {
  const bom = readObject(v, body, 'billOfMaterials', 'billOfMaterials');
  if (!bom) return undefined;
  const products = bom.products;
  if (!Array.isArray(products) || products.length > 100) {
    return v.invalid(
      'billOfMaterials.products',
      'billOfMaterials.products must be an array of at most 100 products.',
    );
  }
  return products.flatMap((item: unknown, index) => {
    const target = `billOfMaterials.products[${index}]`;
    const product = asObject(item);
    if (!product) return v.invalid(target, `${target} must be a JSON object.`) ?? [];
    const type = readEnum(v, product, 'type', `${target}.type`, PRODUCT_TYPES, { required: true });
    const description = readString(v, product, 'description', `${target}.description`);
    const consoleLink = asObject(product.console);
    const href = consoleLink && typeof consoleLink.href === 'string' ? consoleLink.href : undefined;
    const tags = Array.isArray(product.tags)
      ? product.tags.filter((tag): tag is string => typeof tag === 'string')
      : undefined;
    if (type === undefined) return [];
    return [
      {
        type,
        ...(description === undefined ? {} : { description }),
        ...(href === undefined ? {} : { console: { href } }),
        ...(tags === undefined ? {} : { tags }),
      },
    ];
  });
}

function checkLicense(
  v: Validation,
  license: LicenseRecord | undefined,
  licenseId: string | undefined,
): void {
  if (licenseId === undefined) return;
  if (!license) {
    v.invalid('license.id', `No license with ID '${licenseId}' exists in this organization.`);
  } else if (license.status !== 'ACTIVE') {
    v.invalid(
      'license.id',
      `License '${licenseId}' is ${license.status}; an environment needs an ACTIVE license.`,
    );
  }
}

/**
 * Validates a create-environment body against the request schema and the chosen license (status,
 * regions, production rights, environment quota) and the organization's unique names.
 */
export function readNewEnvironment(tenant: PingOneTenant, body: Record<string, unknown>): NewEnvironment {
  const v = new Validation();
  const name = readString(v, body, 'name', 'name', { required: true, maxLength: 256 });
  const description = readString(v, body, 'description', 'description', { maxLength: 1024 });
  const icon = readString(v, body, 'icon', 'icon');
  const type = readEnum(v, body, 'type', 'type', ENVIRONMENT_TYPES, { required: true });
  const region = readEnum(v, body, 'region', 'region', ENVIRONMENT_REGIONS, { required: true });
  const subtype = readEnum(v, body, 'subtype', 'subtype', SUBTYPES);
  const licenseBody = readObject(v, body, 'license', 'license', { required: true });
  const licenseId = licenseBody
    ? readString(v, licenseBody, 'id', 'license.id', { required: true })
    : undefined;
  const products = readProducts(v, body);
  const bom = asObject(body.billOfMaterials);
  const solutionType = bom
    ? readEnum(v, bom, 'solutionType', 'billOfMaterials.solutionType', SOLUTION_TYPES)
    : undefined;

  if (name !== undefined) {
    const taken = tenant.environments().some((env) => env.name.toLowerCase() === name.toLowerCase());
    if (taken)
      v.invalid(
        'name',
        `An environment named '${name}' already exists in this organization; names must be unique.`,
      );
  }
  const license = licenseId === undefined ? undefined : tenant.findLicense(licenseId);
  checkLicense(v, license, licenseId);
  if (license?.status === 'ACTIVE') {
    const allowed = license.environments.regions.map(environmentRegionOf);
    if (region !== undefined && !allowed.includes(region)) {
      v.invalid('region', `Region '${region}' is not allowed by license '${license.id}'.`, {
        allowedValues: allowed,
      });
    }
    if (type === 'PRODUCTION' && !license.environments.allowProduction) {
      v.invalid('type', `License '${license.id}' does not allow PRODUCTION environments.`, {
        allowedValues: ['SANDBOX'],
      });
    }
  }
  v.throwIfInvalid();
  if (!license || name === undefined || type === undefined || region === undefined)
    return fail(p1Error(500, 'UNEXPECTED_ERROR', P1_MESSAGES.UNEXPECTED_ERROR));
  if (tenant.environmentCount(license.id) >= license.environments.max) {
    fail(
      p1Error(403, 'ACCESS_FAILED', P1_MESSAGES.LICENSE_EXCEEDED, [
        {
          code: 'LICENSE_EXCEEDED',
          message:
            `License '${license.id}' allows ${license.environments.max} environments and all are ` +
            `in use.`,
          innerError: { quotaLimit: license.environments.max },
        },
      ]),
    );
  }
  return {
    name,
    type,
    region,
    license,
    ...(description === undefined ? {} : { description }),
    ...(icon === undefined ? {} : { icon }),
    ...(subtype === undefined ? {} : { subtype }),
    ...(products === undefined ? {} : { products }),
    ...(solutionType === undefined ? {} : { solutionType }),
  };
}
