import { randomUUID } from 'node:crypto';
import type { LerianDirectory, UserRecord } from '../../../src/emulator/lerian-identity/index.ts';

/**
 * Puts a user straight into a Lerian emulator's directory. Its `createdAt` is now, whatever its
 * name says, so a sweep that deletes it can only have dated it by the run id in its username.
 */
export function plantLerianUser(directory: LerianDirectory, username: string): UserRecord {
  const user: UserRecord = {
    id: randomUUID(),
    username,
    email: `${username}@example.com`,
    firstName: 'Planted',
    lastName: 'User',
    password: 'Planted-Passw0rd!',
    groups: [],
    createdAt: new Date().toISOString(),
  };
  directory.users.set(user.id, user);
  return user;
}
