import { loadTargetSession } from './target-session.ts';

// A setup file of every target project: the project's session factory, loaded before its suites.
await loadTargetSession();
