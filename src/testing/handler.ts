// The request pipeline: route (404/405) → injected faults → the operation
// (operations.ts) → the reply, whole, cut short or not at all. Every failure
// is a SimulatedProblem turned into an `application/problem+json` response
// here, at the top.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FaultInjector, type FaultRule, HTML_ERROR_PAGE } from './faults.ts';
import { operate, type Reply, type RequestTarget } from './operations.ts';
import { defaultProblemNumber, problemBody, SimulatedProblem } from './problems.ts';
import type { Route, RouteTable } from './routes.ts';
import type { Store } from './store.ts';
import type { SchemaValidator } from './validation.ts';

export interface HandlerContext {
  table: RouteTable;
  store: Store;
  validator: SchemaValidator;
  faults: FaultInjector;
  /** How long a long-running resource takes from pending to completed. */
  lifecycleMs: number;
  now: () => number;
}

export function createHandler(ctx: HandlerContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(ctx, req, res).catch((e: unknown) => {
      // A bug in the simulator: answer 500 rather than hang the client.
      if (!res.headersSent)
        send(res, problemReply(ctx, new SimulatedProblem(500, 34, `The simulator failed: ${(e as Error).message}`)));
      else res.destroy();
    });
  };
}

/** The request target, split without a full URL parse (the hot path of every request). */
const NO_QUERY = new URLSearchParams();

function parseTarget(target: string): RequestTarget {
  const q = target.indexOf('?');
  return q < 0
    ? { pathname: target, searchParams: NO_QUERY }
    : { pathname: target.slice(0, q), searchParams: new URLSearchParams(target.slice(q + 1)) };
}

async function handle(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = parseTarget(req.url ?? '/');
  const method = req.method ?? 'GET';
  const match = ctx.table.match(method, url.pathname);
  if (match.kind === 'not-found')
    return send(
      res,
      problemReply(ctx, new SimulatedProblem(404, 2, 'The collection specified in the request URI was not found.')),
    );
  if (match.kind === 'method-not-allowed') {
    return send(
      res,
      problemReply(
        ctx,
        new SimulatedProblem(405, 69, `${method} is not supported here.`, {
          headers: { allow: match.allowed.join(', ') },
        }),
      ),
    );
  }
  const { route, params } = match;
  const faults = ctx.faults.pick(route.op);
  const latency = Math.max(0, ...faults.map((f) => f.latencyMs ?? 0));
  if (latency > 0) await new Promise((r) => setTimeout(r, latency));
  if (faults.some((f) => f.drop)) {
    req.socket.destroy();
    return;
  }
  const injected = faults.find((f) => f.html || f.status !== undefined);
  let reply: Reply;
  if (injected) {
    reply = faultReply(ctx, route, injected);
  } else {
    try {
      reply = await operate(ctx, req, url, route, params);
    } catch (e) {
      if (!(e instanceof SimulatedProblem)) throw e;
      reply = problemReply(ctx, e);
    }
  }
  if (faults.some((f) => f.truncate)) return sendTruncated(res, reply);
  send(res, reply);
}

function send(res: ServerResponse, reply: Reply): void {
  // Every reply's headers object is its own: completed in place.
  if (reply.body !== undefined) reply.headers['content-length'] = String(Buffer.byteLength(reply.body));
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

/** Headers promising the whole body, half of it, then the connection closes. */
function sendTruncated(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body ?? '{"truncated":true}');
  res.writeHead(reply.status, {
    ...reply.headers,
    'content-length': body.length,
    'content-type': reply.headers['content-type'] ?? 'application/json',
  });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

function problemReply(ctx: HandlerContext, problem: SimulatedProblem): Reply {
  return {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.extra.headers },
    body: JSON.stringify(problemBody(ctx.table.problemsByNumber, problem)),
  };
}

function faultReply(ctx: HandlerContext, route: Route, rule: FaultRule): Reply {
  const status = rule.status ?? 502;
  const headers: Record<string, string> = {};
  if (rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter);
  if (rule.html)
    return { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body: HTML_ERROR_PAGE };
  const number =
    rule.problem ?? defaultProblemNumber(ctx.table.problemsByNumber, route.problems.get(String(status)), status);
  const reply = problemReply(ctx, new SimulatedProblem(status, number, 'Injected by the simulator.'));
  return { ...reply, headers: { ...reply.headers, ...headers } };
}
