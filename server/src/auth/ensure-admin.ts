/** Makes sure an admin can sign in: the env admin is created, or reset (and enabled again: it is the way back in), else a first start creates admin@localhost. */
import { randomBytes } from 'node:crypto';
import type { KefuConfig } from '../config.ts';
import { hashPassword, verifyPassword } from '../security/password.ts';
import type { Storage } from '../storage/storage.ts';

/** Where the admin's credentials come from; `password` is set only when it was generated just now. */
export type AdminSource =
  | { source: 'env'; email: string }
  | { source: 'generated'; email: string; password: string }
  | { source: 'existing' };

export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

export async function ensureAdmin(storage: Storage, config: Pick<KefuConfig, 'adminEmail' | 'adminPassword'>, now: number): Promise<AdminSource> {
  if (config.adminEmail && config.adminPassword) {
    const email = config.adminEmail.trim().toLowerCase();
    const existing = await storage.getAgentByEmail(email);
    if (!existing) {
      await storage.createAgent({ email, name: 'Admin', role: 'admin', passwordHash: await hashPassword(config.adminPassword), now });
    } else if (!(await verifyPassword(config.adminPassword, existing.passwordHash))) {
      // A reset: whoever signed in with the old password is signed out (other processes' sockets by their sweep).
      await storage.updateAgent(existing.id, { passwordHash: await hashPassword(config.adminPassword), role: 'admin', disabledAt: null }, now);
      await storage.deleteAgentSessions(existing.id);
    } else if (existing.role !== 'admin' || existing.disabledAt !== undefined) {
      // The same password at every restart is no reset: sessions stay.
      await storage.updateAgent(existing.id, { role: 'admin', disabledAt: null }, now);
    }
    return { source: 'env', email };
  }
  if ((await storage.countAgents('admin')) > 0) return { source: 'existing' };
  const password = randomBytes(12).toString('base64url');
  await storage.createAgent({ email: DEFAULT_ADMIN_EMAIL, name: 'Admin', role: 'admin', passwordHash: await hashPassword(password), now });
  return { source: 'generated', email: DEFAULT_ADMIN_EMAIL, password };
}
