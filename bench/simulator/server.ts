// Server side of bench/simulator/run.ts, run in a child process so its CPU
// time is not shared with the load generator's event loop.
//   server.ts simulator  → the simulator with 1,000 credentials; reports url, account, token
//   server.ts plain      → a bare node:http handler answering, for each path it is
//                          sent, the exact status, headers and bytes the simulator gave
import http from 'node:http';
import { startAstraSimulator, type SeedDocument } from '../../src/testing/index.ts';

interface Canned {
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const send = (m: unknown) => process.send!(m);

if (process.argv[2] === 'simulator') {
  const seed: SeedDocument = { resources: [] };
  for (let i = 0; i < 1000; i++) {
    seed.resources.push({
      path: '/core/v1/credentials',
      body: {
        type: 'application/astra-credential',
        version: '1.1',
        name: `credential-${String(i).padStart(4, '0')}`,
        keyType: 'generic',
        keyStore: { k: 'YQ==' },
        metadata: { labels: [{ name: 'team', value: `t${i % 7}` }] },
      },
    });
  }
  const sim = await startAstraSimulator({ seed });
  send({ url: sim.url, accountId: sim.accountId, token: sim.token });
} else {
  const canned = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
  process.once('message', (m: Canned[]) => {
    for (const c of m) canned.set(c.path, { status: c.status, headers: c.headers, body: Buffer.from(c.body) });
    const server = http.createServer((req, res) => {
      const c = canned.get(req.url ?? '');
      if (!c) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(c.status, { ...c.headers, 'content-length': c.body.length });
      res.end(c.body);
    });
    server.keepAliveTimeout = 120_000;
    server.listen(0, '127.0.0.1', () =>
      send({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    );
  });
}
// The load generator asks for this process's CPU time around each block of requests.
process.on('message', (m: unknown) => {
  if (m === 'cpu') send({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => process.exit(0));
