import { describe, expect, test } from 'vitest';
import { renderString, renderValue, variablesIn, variablesInValue } from '../../src/flow/template.ts';

const vars: Record<string, unknown> = { apiPath: 'https://api.pingone.eu/v1', envID: 'e-1', flag: true, count: 3 };
const lookup = (name: string) => vars[name];

describe('templates', () => {
  test('finds the variables a template uses, once each', () => {
    expect(variablesIn('{{apiPath}}/environments/{{envID}}/users/{{ envID }}')).toEqual(['apiPath', 'envID']);
    expect(variablesInValue({ a: ['{{x}}', { b: '{{y}}' }], '{{k}}': 1 })).toEqual(['x', 'y', 'k']);
  });

  test('renders strings and keeps the type of a whole-placeholder value', () => {
    expect(renderString('{{apiPath}}/environments/{{envID}}', lookup)).toBe('https://api.pingone.eu/v1/environments/e-1');
    expect(renderValue({ mfaEnabled: '{{flag}}', n: '{{count}}', label: 'n={{count}}' }, lookup)).toEqual({ mfaEnabled: true, n: 3, label: 'n=3' });
  });

  test('a missing variable is an error naming it, never an empty string', () => {
    expect(() => renderString('{{apiPath}}/users/{{sharedUserID}}', lookup)).toThrow('{{sharedUserID}}');
    expect(() => renderValue({ id: '{{nope}}' }, lookup)).toThrow('{{nope}}');
  });
});
