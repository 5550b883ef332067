/** Public API of @kefu/server. */
export { createKefuServer, type KefuServer, type KefuServerParts } from './create-kefu-server.ts';
export { readConfig, resolveConfig, type KefuConfig } from './config.ts';
export type { AdminSource } from './auth/ensure-admin.ts';
export type { Storage } from './storage/storage.ts';
export { openSqliteStorage } from './storage/sqlite/sqlite-storage.ts';
