import { harEntry } from './har-entry.ts';
import type { Har, HarPage } from './har.ts';
import type { RunResults, TargetResults } from './results.ts';

function page(results: RunResults, target: TargetResults): HarPage {
  return {
    startedDateTime: target.exchanges[0]?.startedAt ?? results.run.startedAt,
    id: target.name,
    title: `${results.run.id} (${target.tenant})`,
    pageTimings: { onContentLoad: -1, onLoad: -1 },
  };
}

/**
 * The run's HTTP exchanges as a HAR 1.2 log, for Chrome devtools, Postman or any HAR viewer: one
 * page per target, its exchanges in the order they were sent, each tagged with the check that sent
 * it (`_idflowCheck`) and the tenant's Correlation-Id. An exchange that got no answer has status 0
 * and `_error`. Bodies and headers are the results' own, already redacted. No I/O: the caller
 * writes `JSON.stringify(har)`.
 */
export function renderHar(results: RunResults): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: results.tool.name, version: results.tool.version },
      pages: results.targets.map((target) => page(results, target)),
      entries: results.targets.flatMap((target) =>
        target.exchanges.map((exchange) => harEntry(exchange, target.name)),
      ),
    },
  };
}
