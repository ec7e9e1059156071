import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as entry from 'undici';
import { expect, test } from 'vitest';
import { partsFromEntry, partsFromFiles, undici } from '../../src/http/undici-parts.ts';

test("the parts loaded from undici's own files are the very ones its entry exports", () => {
  const files = partsFromFiles();
  expect(files.Agent).toBe(entry.Agent);
  expect(files.Pool).toBe(entry.Pool);
  expect(files.ProxyAgent).toBe(entry.ProxyAgent);
  expect(files.buildConnector).toBe(entry.buildConnector);
  expect(undici()).toEqual(expect.objectContaining({ Agent: entry.Agent }));
});

test('both ways of loading send the same request and read the same answer', async () => {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ method: request.method, url: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    for (const parts of [partsFromFiles(), partsFromEntry()]) {
      const agent = new parts.Agent();
      const response = await parts.request(agent, {
        origin: `http://127.0.0.1:${port}`,
        path: '/v1/users?limit=2',
        method: 'GET',
      });
      expect(response.statusCode).toBe(200);
      expect(await response.body.json()).toEqual({ method: 'GET', url: '/v1/users?limit=2' });
      await agent.close();
    }
  } finally {
    server.close();
  }
});
