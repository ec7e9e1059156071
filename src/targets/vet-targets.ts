import { vetCredentialTransport } from '../guards/transport-guard.ts';
import type { TargetDescriptor } from './registry.ts';

/**
 * Vets where every configured target's credentials go (see `vetCredentialTransport`) before the
 * first request; throws ConfigError (exit 2) on the first refusal. Returns the warnings of what
 * `--allow-insecure-http` let through, for the caller to print once.
 */
export async function vetTargetsTransport(
  targets: readonly TargetDescriptor[],
  variables: Record<string, string>,
  source: string,
): Promise<readonly string[]> {
  const warnings: string[] = [];
  for (const target of targets) {
    const config = target.resolveConfig(variables, source);
    if (config !== undefined)
      warnings.push(...(await vetCredentialTransport(target.transport(config))).warnings);
  }
  return warnings;
}
