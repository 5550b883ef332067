/**
 * The nginx configuration the harness runs: the shipped deploy/nginx/kefu.conf with its node list and listen port
 * replaced, inside a minimal main configuration whose pid, logs and temporary files stay in the harness's folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-root.ts';

/** deploy/nginx/kefu.conf for these node ports, listening on 127.0.0.1:`port`. */
export function renderSiteConfig(port: number, nodePorts: number[]): string {
  const site = readFileSync(join(REPO_ROOT, 'deploy/nginx/kefu.conf'), 'utf8');
  const nodes = nodePorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n');
  const withNodes = site.replace(/(# kefu-nodes:begin[^\n]*\n)[\s\S]*?(\n\s*# kefu-nodes:end)/, `$1${nodes}$2`);
  const withListen = withNodes.replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  if (withNodes === site || withListen === withNodes) throw new Error('deploy/nginx/kefu.conf lost its kefu-nodes markers or its `listen 80;` line');
  return withListen;
}

/**
 * The main nginx.conf around the site: in the foreground (`daemon off;`), everything under `prefix`. Each proxied
 * WebSocket holds two connections (client and node), so many clients need `workerConnections` raised, and as many
 * open files.
 */
export function renderMainConfig(prefix: string, siteFile: string, asRoot: boolean, workerConnections = 1024): string {
  return [
    'daemon off;',
    'worker_processes 1;',
    // Debian's nginx would switch workers to www-data; the temporary folders are theirs to write either way.
    asRoot ? 'user nobody nogroup;' : '',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')} warn;`,
    workerConnections > 1024 ? `worker_rlimit_nofile ${workerConnections + 1024};` : '',
    `events { worker_connections ${workerConnections}; }`,
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${join(prefix, 'tmp/body')};`,
    `  proxy_temp_path ${join(prefix, 'tmp/proxy')};`,
    `  fastcgi_temp_path ${join(prefix, 'tmp/fastcgi')};`,
    `  uwsgi_temp_path ${join(prefix, 'tmp/uwsgi')};`,
    `  scgi_temp_path ${join(prefix, 'tmp/scgi')};`,
    `  include ${siteFile};`,
    '}',
    '',
  ].join('\n');
}
