import type { Router } from '../../http/index.ts';

/** `GET /health` (the literal `healthy` lib-auth expects) and `GET /readyz`, on both services. */
export function registerHealthRoutes(router: Router): void {
  router.on('GET', '/health', async () => ({ status: 200, body: 'healthy' }));
  router.on('GET', '/readyz', async () => ({ status: 200, body: 'ready' }));
}
