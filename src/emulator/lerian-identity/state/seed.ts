import { randomBytes } from 'node:crypto';
import { LerianDirectory } from './directory.ts';
import { randomHex, uuidV7 } from './ids.ts';
import type { ApplicationRecord, UserRecord } from './model.ts';

export interface SeedOptions {
  /** Password of the seeded `admin` user; default random. */
  readonly adminPassword?: string;
  /** Client secret of the seeded M2M application; default random. */
  readonly clientSecret?: string;
}

/** The seeded actors whose credentials `env()` hands out. */
export interface SeededActors {
  readonly admin: UserRecord;
  readonly application: ApplicationRecord;
}

/** A random password meeting the documented rule (12+ characters, every character class). */
function randomPassword(): string {
  return `Adm1n!${randomBytes(12).toString('base64url')}`;
}

/** A directory holding the admin user (group `admin-group`) and one M2M application (`midaz`). */
export function createSeededDirectory(options: SeedOptions = {}): {
  directory: LerianDirectory;
  actors: SeededActors;
} {
  const directory = new LerianDirectory();
  const now = new Date().toISOString();
  const admin: UserRecord = {
    id: uuidV7(),
    username: 'admin',
    email: 'admin@example.com',
    firstName: 'Lerian',
    lastName: 'Admin',
    password: options.adminPassword ?? randomPassword(),
    groups: ['admin-group'],
    createdAt: now,
  };
  const application: ApplicationRecord = {
    id: uuidV7(),
    name: 'midaz',
    clientId: randomHex(10),
    clientSecret: options.clientSecret ?? randomHex(20),
    createdAt: now,
  };
  directory.users.set(admin.id, admin);
  directory.applications.set(application.id, application);
  return { directory, actors: { admin, application } };
}
