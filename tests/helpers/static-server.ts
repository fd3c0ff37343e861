/**
 * A built site served on loopback, as a static host serves it: for the
 * browser tests and for bench/lighthouse.ts, so it imports nothing of Vitest.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Serves a built site on loopback, with the base path mounted like a static host would. */
export async function serveDist(outDir: string, base = '/'): Promise<StaticServer> {
  const files = sirv(outDir, { dev: true, etag: false });
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    files(request, response, () => {
      response.statusCode = 404;
      response.setHeader('content-type', 'text/html');
      response.end(readFileSync(`${outDir}/404.html`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
