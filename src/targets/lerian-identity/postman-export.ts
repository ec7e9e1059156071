import { EMULATOR_VARIABLE, lerianSuitePlan } from './suite-plan.ts';
import { lerianConfigVariables } from './config-variables.ts';
import { LERIAN_TEST_DATA_SCRIPT } from './postman-test-data.ts';
import type { PostmanExportPlan } from '../../export/export-plan.ts';
import type { LerianConfig } from './config.ts';

const ENVIRONMENT_KEYS: ReadonlyArray<{ readonly key: string; readonly secret?: boolean }> = [
  { key: 'authPath' },
  { key: 'identityPath' },
  { key: 'adminUsername' },
  { key: 'adminPassword', secret: true },
  { key: 'clientId' },
  { key: 'clientSecret', secret: true },
  { key: EMULATOR_VARIABLE },
];

/** `idflow export --target lerian-identity --format postman`. */
export const lerianPostmanExport: PostmanExportPlan<LerianConfig> = {
  suiteFiles: lerianSuitePlan.files,
  environment(config) {
    const values: Record<string, { value: string }> =
      config === undefined
        ? {}
        : {
            ...lerianConfigVariables(config),
            ...(config.idflowEmulator ? { [EMULATOR_VARIABLE]: { value: 'true' } } : {}),
          };
    return ENVIRONMENT_KEYS.map(({ key, secret }) => ({
      key,
      value: values[key]?.value ?? '',
      ...(secret ? { secret: true } : {}),
    }));
  },
  testDataScript: LERIAN_TEST_DATA_SCRIPT,
};
