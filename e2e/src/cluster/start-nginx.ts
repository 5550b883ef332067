/** nginx in front of the harness's nodes: its own prefix, configuration and pid in a temporary folder, in the foreground. */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port.ts';
import { spawnManaged, type ManagedProcess } from './managed-process.ts';
import { renderMainConfig, renderSiteConfig } from './render-nginx-config.ts';
import { waitUntil } from './wait-until.ts';

export interface HarnessNginx {
  url: string;
  port: number;
  /** The master's process id (its worker is its child). */
  pid: number;
  output: () => string;
  destroy: () => Promise<void>;
}

export interface NginxOptions {
  /** Connections one worker may hold, clients and upstreams together (1024 unless given). */
  workerConnections?: number;
}

export async function startNginx(nginx: string, nodePorts: number[], options: NginxOptions = {}): Promise<HarnessNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'kefu-cluster-nginx-'));
  const asRoot = process.getuid?.() === 0;
  const tmp = join(prefix, 'tmp');
  mkdirSync(tmp);
  // Workers run as nobody when the master is root: they need the prefix readable and tmp writable.
  chmodSync(prefix, 0o755);
  chmodSync(tmp, 0o777);
  const port = await freePort();
  const siteFile = join(prefix, 'kefu.conf');
  const mainFile = join(prefix, 'nginx.conf');
  writeFileSync(siteFile, renderSiteConfig(port, nodePorts));
  writeFileSync(mainFile, renderMainConfig(prefix, siteFile, asRoot, options.workerConnections));
  const errorLog = (): string => {
    try {
      return readFileSync(join(prefix, 'error.log'), 'utf8').slice(-8_000);
    } catch {
      return '';
    }
  };
  const proc: ManagedProcess = spawnManaged(nginx, ['-p', prefix, '-c', mainFile], process.env, prefix);
  const output = (): string => `${proc.output()}\n${errorLog()}`;
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(
      async () => {
        if (!proc.running()) throw new Error('exited');
        await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
        return true;
      },
      10_000,
      () => `nginx never answered on ${port}\n${output()}`,
    );
  } catch (error) {
    await proc.stop();
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port,
    pid: proc.pid,
    output,
    destroy: async () => {
      await proc.stop();
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
