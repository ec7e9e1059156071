import { describe, expect, test } from 'vitest';
import {
  renderString,
  renderUrl,
  renderValue,
  variablesIn,
  variablesInValue,
} from '../../src/flow/step/template.ts';

const vars: Record<string, unknown> = {
  apiPath: 'https://api.pingone.eu/v1',
  envID: 'e-1',
  flag: true,
  count: 3,
};
const lookup = (name: string) => vars[name];

describe('templates', () => {
  test('finds the variables a template uses, once each', () => {
    expect(variablesIn('{{apiPath}}/environments/{{envID}}/users/{{ envID }}')).toEqual(['apiPath', 'envID']);
    expect(variablesInValue({ a: ['{{x}}', { b: '{{y}}' }], '{{k}}': 1 })).toEqual(['x', 'y', 'k']);
  });

  test('renders strings and keeps the type of a whole-placeholder value', () => {
    expect(renderString('{{apiPath}}/environments/{{envID}}', lookup)).toBe(
      'https://api.pingone.eu/v1/environments/e-1',
    );
    expect(renderValue({ mfaEnabled: '{{flag}}', n: '{{count}}', label: 'n={{count}}' }, lookup)).toEqual({
      mfaEnabled: true,
      n: 3,
      label: 'n=3',
    });
  });

  test('a missing variable is an error naming it, never an empty string', () => {
    expect(() => renderString('{{apiPath}}/users/{{sharedUserID}}', lookup)).toThrow('{{sharedUserID}}');
    expect(() => renderValue({ id: '{{nope}}' }, lookup)).toThrow('{{nope}}');
  });
});

describe('URL templates: values after the base are data, never paths', () => {
  const base = 'http://127.0.0.1:1/v1';
  const url = (values: Record<string, unknown>, template = '{{apiPath}}/environments/{{envID}}/users') =>
    renderUrl(template, (name) => ({ apiPath: base, ...values })[name]);

  test('the leading base URL is kept as written; every later value is one encoded path segment', () => {
    expect(url({ envID: 'e-1' })).toBe(`${base}/environments/e-1/users`);
    expect(url({ envID: 'a/../b' })).toBe(`${base}/environments/a%2F..%2Fb/users`);
    expect(url({ envID: 'a?x=1#y' })).toBe(`${base}/environments/a%3Fx%3D1%23y/users`);
    expect(new URL(url({ envID: `${'0'.repeat(8)}/../victim` })).pathname).toBe(
      '/v1/environments/00000000%2F..%2Fvictim/users',
    );
    expect(url({ page: '2&limit=1000' }, '{{apiPath}}/users?page={{page}}')).toBe(
      `${base}/users?page=2%26limit%3D1000`,
    );
  });

  test.each(['..', '.', '', '%2e%2e', '.%2E'])(
    'a value %j that a URL parser would resolve as a dot or empty segment is refused',
    (value) => {
      expect(() => url({ envID: value })).toThrow(/\{\{envID\}\}/);
    },
  );
});
