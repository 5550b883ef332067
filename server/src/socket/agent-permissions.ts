/**
 * Who may send which `/agent` event: one table, event name → the least role that may (agent <
 * supervisor < admin). Every event in the protocol must have a row (the type says so); a name
 * outside the table is refused, so a new event is closed until someone decides who may send it.
 */
import { roleAtLeast, type AgentClientEvents, type AgentRole, type ErrorBody } from '@kefu/shared';
import type { AgentNamespace, KefuContext } from '../context.ts';

type AgentSocket = Parameters<Parameters<AgentNamespace['on']>[1]>[0];

export const AGENT_EVENT_ROLES: Record<keyof AgentClientEvents & string, AgentRole> = {
  hello: 'agent',
  accept: 'agent',
  open: 'agent',
  history: 'agent',
  send: 'agent',
  close: 'agent',
  typing: 'agent',
  read: 'agent',
  // The assigned agent, or a supervisor or admin for any conversation (checked in desk-events.ts).
  note: 'agent',
  transfer: 'agent',
  listAgents: 'agent',
  assign: 'supervisor',
  listLive: 'supervisor',
};

/** Why `role` may not send `event`, or undefined when it may. */
export function eventRefusal(event: unknown, role: AgentRole): ErrorBody | undefined {
  const minimum = typeof event === 'string' && Object.hasOwn(AGENT_EVENT_ROLES, event) ? AGENT_EVENT_ROLES[event as keyof typeof AGENT_EVENT_ROLES] : undefined;
  if (!minimum) return { code: 'forbidden', message: `unknown event ${String(event).slice(0, 40)}` };
  if (!roleAtLeast(role, minimum)) return { code: 'forbidden', message: `${event} needs the ${minimum} role` };
  return undefined;
}

/**
 * Socket middleware run after the session check (agent-session-guard.ts), which keeps
 * `socket.data.agent` fresh: a role change applies to the next event, a disabled agent is cut off.
 */
export function guardAgentPermissions(ctx: KefuContext, socket: AgentSocket): void {
  socket.use((packet: unknown[], next: (err?: Error) => void) => {
    const last = packet[packet.length - 1];
    const ack = typeof last === 'function' ? (last as (res: unknown) => void) : undefined;
    const agent = socket.data.agent;
    if (agent.disabledAt !== undefined) {
      ack?.({ ok: false, error: { code: 'unauthorized', message: 'this account is disabled' } });
      socket.disconnect(true);
      return;
    }
    const refusal = eventRefusal(packet[0], agent.role);
    if (!refusal) return next();
    ctx.log.warn(`agent ${agent.email} refused ${String(packet[0]).slice(0, 40)}: ${refusal.message}`);
    ack?.({ ok: false, error: refusal });
  });
}
