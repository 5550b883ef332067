/**
 * Which Socket.IO transports a node serves. HTTP long-polling sends every request of one session to
 * the node that holds it, so with several nodes (REDIS_URL) it needs a load balancer with affinity;
 * the operator says which way they run, rather than meeting "Session ID unknown" at random later.
 */
import type { KefuConfig } from '../config.ts';

export type Transport = 'polling' | 'websocket';

export const STICKY_CHOICE_MISSING =
  'REDIS_URL runs several nodes, and HTTP long-polling only works there when the load balancer keeps each client on one node. ' +
  'Set KEFU_STICKY=true if it does (nginx: `hash $remote_addr consistent;` or a cookie), or KEFU_TRANSPORTS=websocket to serve WebSocket only.';

/** The transports to serve; throws STICKY_CHOICE_MISSING when several nodes might serve polling without affinity. */
export function resolveTransports(config: Pick<KefuConfig, 'redisUrl' | 'sticky' | 'transports'>): Transport[] {
  const listed: Transport[] = config.transports && config.transports.length > 0 ? [...new Set(config.transports)] : ['polling', 'websocket'];
  if (config.redisUrl && listed.includes('polling') && config.sticky !== true) {
    throw new Error(config.transports ? `KEFU_TRANSPORTS includes polling: ${STICKY_CHOICE_MISSING}` : STICKY_CHOICE_MISSING);
  }
  return listed;
}
