/** Asks the OS for a free TCP port on 127.0.0.1. */
import { createServer } from 'node:net';

/** A port that was free a moment ago (the kernel rarely hands it out again right away). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
