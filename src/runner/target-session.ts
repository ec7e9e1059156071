import { inject } from 'vitest';
import { findTarget } from '../targets/registry.ts';
import { calibrationOf } from './run-calibration.ts';
import type { FlowSession } from '../flow/run/session.ts';
import type { SessionFactory } from '../targets/target.ts';

const factories = new Map<string, SessionFactory<unknown>>();
const sessions = new Map<string, FlowSession>();

/**
 * Loads the session factory of the project's target; a setup file of every target project, so
 * {@link targetSession} can build the session synchronously when a suite declares its tests.
 */
export async function loadTargetSession(): Promise<void> {
  const { name } = inject('target');
  if (factories.has(name)) return;
  const target = findTarget(name);
  if (!target) throw new Error(`no target is registered for the vitest project ${name}`);
  factories.set(name, await target.sessionFactory());
}

/**
 * The one session of the project's target in this run. Suite files run in one worker without
 * isolation, so every file sees the same session: a later step reads what an earlier one captured.
 */
export function targetSession(): FlowSession {
  const setup = inject('target');
  let session = sessions.get(setup.name);
  if (session === undefined) {
    const factory = factories.get(setup.name);
    if (!factory)
      throw new Error(`the session of ${setup.name} was asked for before its setup file loaded it`);
    session = factory.create(setup.config, calibrationOf(setup));
    sessions.set(setup.name, session);
  }
  return session;
}
