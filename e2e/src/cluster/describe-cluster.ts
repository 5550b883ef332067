/** A describe() that runs only where the harness's programs exist: skipped with advice locally, a failure under CI=true. */
import { describe, it } from 'vitest';
import { clusterToolsRequired, findClusterTools, type ClusterTools } from './find-cluster-tools.ts';

/** Declares fault-harness tests; `body` receives the programs' paths. */
export function describeCluster(name: string, body: (tools: ClusterTools) => void): void {
  const lookup = findClusterTools();
  if (!lookup.found) {
    console.warn(`${lookup.message} — skipping the fault-harness tests "${name}".`);
    if (clusterToolsRequired()) {
      it(`${name}: PostgreSQL, redis-server and nginx are installed (required with CI=true)`, () => {
        throw new Error(lookup.message);
      });
    }
  }
  describe.skipIf(!lookup.found)(name, () => body(lookup.found ? lookup.tools : ({} as ClusterTools)));
}
