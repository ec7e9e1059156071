import type {
  EnvironmentRecord,
  IssuedToken,
  LicenseRecord,
  OrganizationRecord,
  RoleRecord,
  WorkerAppRecord,
} from './model.ts';

/** The three seeded worker apps the suites act as. */
export interface SeededActors {
  /** Organization Admin + Environment Admin, both scoped to the organization. */
  readonly admin: WorkerAppRecord;
  /** Identity Data Admin scoped to the organization, nothing else. */
  readonly identityAdmin: WorkerAppRecord;
  /** No role assignments: cannot even obtain a token. */
  readonly noRole: WorkerAppRecord;
}

/**
 * The live state of one emulated PingOne organization. Tests may read it (and, to stage a
 * scenario such as a deleted app, change it); handlers always render copies, never these records.
 */
export class PingOneTenant {
  readonly organization: OrganizationRecord;
  readonly licenses: LicenseRecord[];
  readonly roles: readonly RoleRecord[];
  /** Environments by id; `environments()` lists them. */
  readonly environmentsById = new Map<string, EnvironmentRecord>();
  /** Worker apps by id (= client id). */
  readonly applications = new Map<string, WorkerAppRecord>();
  readonly issuedTokens: IssuedToken[] = [];
  readonly adminEnvironmentId: string;
  readonly actors: SeededActors;

  constructor(init: {
    organization: OrganizationRecord;
    licenses: LicenseRecord[];
    roles: readonly RoleRecord[];
    adminEnvironment: EnvironmentRecord;
    actors: SeededActors;
  }) {
    this.organization = init.organization;
    this.licenses = init.licenses;
    this.roles = init.roles;
    this.adminEnvironmentId = init.adminEnvironment.id;
    this.environmentsById.set(init.adminEnvironment.id, init.adminEnvironment);
    this.actors = init.actors;
    for (const app of [init.actors.admin, init.actors.identityAdmin, init.actors.noRole]) {
      this.applications.set(app.id, app);
    }
  }

  /** The admin environment ("Administrators") that holds the worker apps. */
  get adminEnvironment(): EnvironmentRecord {
    const environment = this.environmentsById.get(this.adminEnvironmentId);
    if (!environment) throw new Error('The admin environment is missing from the tenant.');
    return environment;
  }

  /** Every environment of the organization, in creation order. */
  environments(): EnvironmentRecord[] {
    return [...this.environmentsById.values()];
  }

  findLicense(id: string): LicenseRecord | undefined {
    return this.licenses.find((license) => license.id === id);
  }

  findRole(id: string): RoleRecord | undefined {
    return this.roles.find((role) => role.id === id);
  }

  /** Number of environments currently on `licenseId`. */
  environmentCount(licenseId: string): number {
    return this.environments().filter((environment) => environment.licenseId === licenseId).length;
  }
}
