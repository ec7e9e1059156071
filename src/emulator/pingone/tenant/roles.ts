import type { RoleRecord, RoleScopeType } from './model.ts';

export type RoleName =
  | 'Organization Admin'
  | 'Environment Admin'
  | 'Identity Data Admin'
  | 'Identity Data Read Only'
  | 'Client Application Developer'
  | 'Application Owner'
  | 'Configuration Read Only'
  | 'Custom Roles Admin'
  | 'Help Desk Admin';

/**
 * Built-in role ids. Real PingOne ids are not public, so these are fixed values of our own:
 * stable across emulator starts, so a recorded run or a fixture can name them.
 */
export const ROLE_IDS: Readonly<Record<RoleName, string>> = {
  'Organization Admin': '3c9bf409-7371-47a6-8eea-22d398bf206e',
  'Environment Admin': '7d875987-f82d-464a-8ef5-66f8c6de8f53',
  'Identity Data Admin': '8adb3b47-d15c-436b-b5ea-8c3549551f6b',
  'Identity Data Read Only': 'f712ba6e-68c3-40ae-9283-30e6e2cbc04c',
  'Client Application Developer': '3bc83731-6d9b-437f-90a6-9d97ba8f1ee1',
  'Application Owner': '316fd02e-48a4-4153-b088-6af974b49a6c',
  'Configuration Read Only': '333111a3-f6cd-4357-b501-7d7b099684c0',
  'Custom Roles Admin': '805cea92-2497-41e3-ba5d-326d5ad7b1d1',
  'Help Desk Admin': 'bb871636-088b-4cf7-ad5e-595f363b892f',
};

interface RoleDefinition {
  name: RoleName;
  description: string;
  applicableTo: readonly RoleScopeType[];
  permissions: readonly [string, string][];
}

const DEFINITIONS: readonly RoleDefinition[] = [
  {
    name: 'Organization Admin',
    description: 'Manages the organization, its licenses and its environments.',
    applicableTo: ['ORGANIZATION'],
    permissions: [
      ['orgmgt:read:organization', 'Read organization'],
      ['orgmgt:read:license', 'Read licenses'],
      ['orgmgt:create:environment', 'Create environments'],
      ['orgmgt:delete:environment', 'Delete environments'],
      ['orgmgt:read:environment', 'Read environments'],
    ],
  },
  {
    name: 'Environment Admin',
    description: 'Manages the configuration and identities of environments.',
    applicableTo: ['ORGANIZATION', 'ENVIRONMENT'],
    permissions: [
      ['orgmgt:read:environment', 'Read environments'],
      ['identity:create:population', 'Create populations'],
      ['identity:create:user', 'Create users'],
      ['mfa:update:settings', 'Update MFA settings'],
      ['permissions:read:roleAssignments', 'Read role assignments'],
    ],
  },
  {
    name: 'Identity Data Admin',
    description: 'Manages users, populations and their MFA devices.',
    applicableTo: ['ORGANIZATION', 'ENVIRONMENT', 'POPULATION'],
    permissions: [
      ['orgmgt:read:environment', 'Read environments'],
      ['identity:create:user', 'Create users'],
      ['identity:update:userPassword', 'Set user passwords'],
      ['mfa:create:device', 'Create MFA devices'],
    ],
  },
  {
    name: 'Identity Data Read Only',
    description: 'Reads users and populations.',
    applicableTo: ['ORGANIZATION', 'ENVIRONMENT', 'POPULATION'],
    permissions: [['identity:read:user', 'Read users']],
  },
  {
    name: 'Client Application Developer',
    description: 'Manages applications and their secrets.',
    applicableTo: ['ENVIRONMENT'],
    permissions: [['apps:create:application', 'Create applications']],
  },
  {
    name: 'Application Owner',
    description: 'Manages applications it owns.',
    applicableTo: ['APPLICATION'],
    permissions: [['apps:update:application', 'Update applications']],
  },
  {
    name: 'Configuration Read Only',
    description: 'Reads environment configuration.',
    applicableTo: ['ORGANIZATION', 'ENVIRONMENT'],
    permissions: [['orgmgt:read:environment', 'Read environments']],
  },
  {
    name: 'Custom Roles Admin',
    description: 'Manages custom roles.',
    applicableTo: ['ORGANIZATION', 'ENVIRONMENT'],
    permissions: [['permissions:create:customRole', 'Create custom roles']],
  },
  {
    name: 'Help Desk Admin',
    description: 'Helps users with their accounts and devices.',
    applicableTo: ['ORGANIZATION', 'ENVIRONMENT', 'POPULATION'],
    permissions: [['identity:read:user', 'Read users']],
  },
];

/** The built-in roles, in a fixed order. */
export function builtInRoles(): RoleRecord[] {
  return DEFINITIONS.map((definition) => ({
    id: ROLE_IDS[definition.name],
    name: definition.name,
    description: definition.description,
    applicableTo: definition.applicableTo,
    permissions: definition.permissions.map(([id, description]) => ({
      id,
      classifier: id.split(':').slice(0, 2).join(':'),
      description,
    })),
  }));
}
