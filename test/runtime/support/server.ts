// A real HTTP server on 127.0.0.1 (ephemeral port) for runtime tests. Each
// request is recorded (method, path, query, headers, parsed body) and answered
// by the test's handler.

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  /** The body as UTF-8 text. */
  body: string;
  /** The body's bytes exactly as received. */
  bytes: Buffer;
  json: unknown;
}

export type Handler = (req: Recorded, res: http.ServerResponse) => unknown;

export interface TestServer {
  baseUrl: string;
  requests: Recorded[];
  handle(handler: Handler): void;
  /** Resolves once `n` requests have been recorded since the last `handle` (an event, not a delay). */
  arrived(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(initial?: Handler): Promise<TestServer> {
  let handler: Handler = initial ?? ((_r, res) => json(res, 200, {}));
  const requests: Recorded[] = [];
  let waiters: { n: number; resolve: () => void }[] = [];
  const notify = () => {
    waiters = waiters.filter((w) => (requests.length >= w.n ? (w.resolve(), false) : true));
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const body = bytes.toString('utf8');
      let parsed: unknown;
      try {
        parsed = body ? JSON.parse(body) : undefined;
      } catch {
        parsed = undefined;
      }
      const rec: Recorded = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://x'),
        headers: req.headers,
        body,
        bytes,
        json: parsed,
      };
      requests.push(rec);
      notify();
      Promise.resolve(handler(rec, res)).catch((e) => {
        res.destroy(e as Error);
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    handle(h) {
      handler = h;
      requests.length = 0;
    },
    arrived(n) {
      return new Promise((resolve) => {
        waiters.push({ n, resolve });
        notify();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function problem(
  res: http.ServerResponse,
  status: number,
  number: number,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  const body = {
    type: `https://astra.netapp.io/problems/${number}`,
    title: `Problem ${number}`,
    detail: `Detail of problem ${number}`,
    status: String(status),
    correlationID: '7d2a1f0e-1111-4222-8333-944455556666',
    ...extra,
  };
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A port on 127.0.0.1 with nothing listening (bound, then closed). */
export async function deadPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
