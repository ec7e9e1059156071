import { bench, describe } from 'vitest';
import { schemaRegistry } from '../src/schema/registry.ts';

// Validation sits on every step's path; compiled once, it should cost microseconds.
const registry = schemaRegistry();
const device = {
  _links: { self: { href: 'https://api.pingone.com/v1/environments/e/users/u/devices/d' } },
  id: '3e3139bb-5eed-41b3-acff-c544dae4c57e',
  environment: { id: 'abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6' },
  user: { id: 'b7119e13-9612-42d0-a57c-039e74a0f27c' },
  type: 'EMAIL',
  status: 'ACTIVE',
  createdAt: '2026-03-30T18:29:31.559Z',
  updatedAt: '2026-03-30T18:29:31.559Z',
  email: 'mobetta@example.com',
};
const devices = {
  _links: { self: { href: 'https://api.pingone.com/v1/x' } },
  _embedded: { devices: Array.from({ length: 50 }, () => device) },
  count: 50,
  size: 50,
};

describe('schema validation', () => {
  bench('one device', () => {
    registry.validate('pingone/device', device);
  });
  bench('a page of 50 devices', () => {
    registry.validate('pingone/devices', devices);
  });
  bench('an invalid device (error formatting path)', () => {
    registry.validate('pingone/device', { ...device, status: 'NOPE' });
  });
});
