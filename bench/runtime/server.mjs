// Loopback server for bench/runtime/run.ts, run in a child process so that
// its CPU time does not count against the client being measured.
import http from 'node:http';

const TOTAL = Number(process.env.BENCH_ITEMS ?? 100_000);
const one = JSON.stringify({
  type: 'application/astra-credential',
  version: '1.1',
  id: '0b9d3a4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  name: 'bench-credential',
  keyType: 'generic',
  valid: 'true',
  metadata: {
    labels: [{ name: 'astra.netapp.io/labels/read-only/credType', value: 'generic' }],
    creationTimestamp: '2024-02-01T10:00:00Z',
    modificationTimestamp: '2024-02-01T10:00:00Z',
    createdBy: '00000000-0000-0000-0000-000000000000',
  },
});
const item = (i) =>
  `{"type":"application/astra-credential","version":"1.1","id":"id-${i}","name":"credential-${i}","keyType":"generic","valid":"true","metadata":{"labels":[],"createdBy":"00000000-0000-0000-0000-000000000000"}}`;
const pageCache = new Map();
/** A page of a collection of `total` items (an account `acc-<n>` or `acc-<n>-delay<ms>` has n items; any other, TOTAL). */
function page(offset, limit, total) {
  const key = `${offset}:${limit}:${total}`;
  let s = pageCache.get(key);
  if (s === undefined) {
    const items = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(item(i));
    const meta =
      offset + limit < total ? `{"continue":"${Buffer.from(String(offset + limit)).toString('base64')}"}` : '{}';
    s = `{"items":[${items.join(',')}],"metadata":${meta}}`;
    pageCache.set(key, s);
  }
  return s;
}

const server = http.createServer((req, res) => {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  let body;
  let delayMs = 0;
  if (path.endsWith('/credentials')) {
    const sp = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
    const cont = sp.get('continue');
    const sized = /^\/accounts\/acc-(\d+)(?:-delay(\d+))?\//.exec(path);
    delayMs = sized?.[2] ? Number(sized[2]) : 0;
    body = page(
      cont ? Number(Buffer.from(cont, 'base64').toString()) : 0,
      Number(sp.get('limit') ?? 100),
      sized ? Number(sized[1]) : TOTAL,
    );
  } else body = one;
  const send = () => {
    res.writeHead(200, {
      'content-type': path.endsWith('/credentials') ? 'application/json' : 'application/astra-credential+json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };
  // An account acc-<n>-delay<ms> answers each page after <ms>: a stand-in for a network and a service that take time.
  if (delayMs) setTimeout(send, delayMs);
  else send();
});
server.keepAliveTimeout = 120_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
