import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** Types a static host sends compressed; others (fonts, images, pagefind's own packed files) go as they are. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|webmanifest|txt|xml)$/;

export interface Hit {
  path: string;
  /** Bytes on the wire: the gzip size for text, the file size otherwise. */
  bytes: number;
  kind: 'html' | 'css' | 'js' | 'other';
}

function kindOf(file: string): Hit['kind'] {
  const extension = extname(file);
  if (extension === '.html') return 'html';
  if (extension === '.css') return 'css';
  if (extension === '.js' || extension === '.mjs') return 'js';
  return 'other';
}

/**
 * A static server for one built folder that logs every request it answers, so a measurement counts what
 * reaches the network (a browser's cache answers the rest). Text is gzip-compressed as a static host would;
 * every answer may be cached for an hour.
 */
export async function serveStatic(root: string): Promise<{ url: string; hits: Hit[]; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const hits: Hit[] = [];
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const status = existsSync(file) ? 200 : 404;
    if (status === 404) file = join(root, '404.html');
    const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=3600' };
    let body: Buffer = readFileSync(file);
    if (COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      let packed = gzipped.get(file);
      if (packed === undefined) {
        packed = gzipSync(body);
        gzipped.set(file, packed);
      }
      body = packed;
      headers['Content-Encoding'] = 'gzip';
    }
    hits.push({ path, bytes: body.length, kind: kindOf(file) });
    response.writeHead(status, headers).end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Ports 4400-4499 are the ones free for measurements on the shared machine (4321 belongs to the test suite).
  for (let port = 4400; ; port++) {
    if (port > 4499) throw new Error('bench: no free port in 4400-4499 for the static server');
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) break;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
