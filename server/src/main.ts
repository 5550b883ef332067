/** Command-line entry: read the environment, start one server, print where things are, stop cleanly on signals. */
import { readConfig } from './config.ts';
import { createKefuServer, type KefuServer } from './create-kefu-server.ts';
import { resolveTransports } from './cluster/cluster-transports.ts';
import { databaseLocation } from './storage/postgres/database-location.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (err) {
    console.error(`kefu: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  try {
    resolveTransports(config);
  } catch (err) {
    console.error(`kefu: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }

  // Handlers first: a signal that arrives while starting (or right after the banner) still shuts down cleanly.
  let server: KefuServer | undefined;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`kefu: ${signal} received, shutting down`);
    // Above the server's own bound on in-flight bot turns (SHUTDOWN_DRAIN_MS).
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    (server ? server.close() : Promise.resolve()).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('kefu: error while shutting down', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  server = await createKefuServer(config);
  if (stopping) {
    await server.close();
    return;
  }
  printBanner(server, config.databaseUrl, config.redisUrl);
}

function printBanner(server: KefuServer, databaseUrl: string | undefined, redisUrl: string | undefined): void {
  const lines = [
    '',
    `  Kefu is running`,
    `  Demo page:      ${server.url}/`,
    `  Agent console:  ${server.url}/console`,
    server.defaultSiteOrigins.length > 0
      ? `  Widget origins: ${server.defaultSiteOrigins.join(', ')} (allow list; a handshake without Origin is refused)`
      : '  Widget origins: loopback only (localhost, 127.0.0.0/8, [::1], any port); set ALLOWED_ORIGINS to embed the widget on your site',
  ];
  if (databaseUrl) lines.push(`  Database:       PostgreSQL at ${databaseLocation(databaseUrl)} ${redisUrl ? '' : ' (one process: several nodes also need REDIS_URL)'}`);
  if (redisUrl) lines.push(`  Redis:          ${redisLocation(redisUrl)} (Socket.IO rooms, limits, bot-turn locks and counters shared with the other nodes)`);
  if (server.admin.source === 'generated') {
    lines.push(`  Admin sign-in:  ${server.admin.email} / ${server.admin.password}`, '                  (generated on this first start and shown only once; set KEFU_ADMIN_EMAIL and KEFU_ADMIN_PASSWORD to reset)');
  } else if (server.admin.source === 'env') {
    lines.push(`  Admin sign-in:  ${server.admin.email} with the password from KEFU_ADMIN_PASSWORD`);
  } else {
    lines.push('  Admin sign-in:  the admin created earlier (its password was printed on the first start; set KEFU_ADMIN_EMAIL and KEFU_ADMIN_PASSWORD to reset it)');
  }
  console.log(`${lines.join('\n')}\n`);
}

/** host:port of a Redis URL, without its password. */
function redisLocation(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'REDIS_URL';
  }
}

main().catch((err: unknown) => {
  console.error('kefu: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
