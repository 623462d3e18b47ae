import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPort, json, problem, startServer, type TestServer } from './support/server.js';
import { runtimeFor } from './support/runtime.js';
import { ACCOUNT, createCredential, getCredential } from './support/descriptors.js';
import { createRuntime } from '../../src/internal/runtime.js';
import {
  AstraApiError,
  AstraConnectionError,
  AstraError,
  AstraInvalidResponseError,
  BadGatewayError,
  BadRequestError,
  ClientError,
  ConflictError,
  ForbiddenError,
  InternalServerError,
  NotAcceptableError,
  NotFoundError,
  PreconditionFailedError,
  ServerError,
  ServiceUnavailableError,
  UnauthorizedError,
} from '../../src/errors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function failure(p: Promise<unknown>): Promise<AstraError> {
  try {
    await p;
  } catch (e) {
    return e as AstraError;
  }
  throw new Error('expected a rejection');
}

const cases: [number, Function, string][] = [
  [400, BadRequestError, 'BadRequestError'],
  [401, UnauthorizedError, 'UnauthorizedError'],
  [403, ForbiddenError, 'ForbiddenError'],
  [404, NotFoundError, 'NotFoundError'],
  [406, NotAcceptableError, 'NotAcceptableError'],
  [409, ConflictError, 'ConflictError'],
  [412, PreconditionFailedError, 'PreconditionFailedError'],
  [500, InternalServerError, 'InternalServerError'],
  [502, BadGatewayError, 'BadGatewayError'],
  [503, ServiceUnavailableError, 'ServiceUnavailableError'],
  [405, ClientError, 'ClientError'],
  [413, ClientError, 'ClientError'],
  [429, ClientError, 'ClientError'],
  [501, ServerError, 'ServerError'],
  [504, ServerError, 'ServerError'],
  [300, AstraApiError, 'AstraApiError'],
];

describe('errors', () => {
  it.each(cases)('HTTP %i becomes %o with the problem fields', async (status, cls, name) => {
    const invalidFields = [{ name: 'keyType', reason: 'unknown key type' }];
    const invalidParams = [{ name: 'limit', reason: 'must be positive' }];
    server.handle((_req, res) =>
      problem(res, status, 10, { status: '418', invalidFields, invalidParams }, { 'x-request-id': 'r-1' }),
    );
    const rt = runtimeFor(server, { maxRetries: 0 });
    const err = (await failure(rt.get(getCredential, ['c1']))) as AstraApiError;
    expect(err).toBeInstanceOf(cls);
    expect(err).toBeInstanceOf(AstraApiError);
    expect(err).toBeInstanceOf(AstraError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(name);
    expect(err.constructor.name).toBe(name);
    if (status >= 400 && status < 500) expect(err).toBeInstanceOf(ClientError);
    if (status >= 500) expect(err).toBeInstanceOf(ServerError);
    expect(err.status).toBe(status);
    expect(err.problemType).toBe('https://astra.netapp.io/problems/10');
    expect(err.problemNumber).toBe(10);
    expect(err.title).toBe('Problem 10');
    expect(err.detail).toBe('Detail of problem 10');
    expect(err.correlationId).toBe('7d2a1f0e-1111-4222-8333-944455556666');
    expect(err.invalidFields).toEqual(invalidFields);
    expect(err.invalidParams).toEqual(invalidParams);
    expect(err.headers['x-request-id']).toBe('r-1');
    expect(err.problem?.status).toBe('418');
    expect(err.is({ type: 'https://astra.netapp.io/problems/10' })).toBe(true);
    expect(err.is('https://astra.netapp.io/problems/1')).toBe(false);
    expect(err.message).toContain(`${status} Problem 10: Detail of problem 10`);
    expect(err.message).toContain('problem 10');
    expect(err.message).toContain('GET /accounts/acc-0001/core/v1/credentials/c1');
    expect(err.request).toMatchObject({
      operationId: 'getCredential',
      method: 'GET',
      url: `${server.baseUrl}/accounts/acc-0001/core/v1/credentials/c1`,
    });
  });

  it('gives the right class and a short snippet for an HTML 502 page', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'<p>nginx</p>'.repeat(200)}</body></html>`;
    server.handle((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(page);
    });
    const rt = runtimeFor(server, { maxRetries: 0 });
    const err = (await failure(rt.get(getCredential, ['c1']))) as BadGatewayError;
    expect(err).toBeInstanceOf(BadGatewayError);
    expect(err.status).toBe(502);
    expect(err.problemType).toBeUndefined();
    expect(err.bodySnippet).toMatch(/^<html><head><title>502 Bad Gateway/);
    expect(err.bodySnippet!.length).toBeLessThanOrEqual(201);
    expect(err.message.length).toBeLessThan(300);
    expect(err.message).toContain('502');
  });

  it('gives the right class for a cut-off JSON problem', async () => {
    server.handle((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/problem+json' });
      res.end('{"type":"https://astra.netapp.io/problems/41","title":"Serv');
    });
    const rt = runtimeFor(server, { maxRetries: 0 });
    const err = (await failure(rt.get(getCredential, ['c1']))) as ServiceUnavailableError;
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect(err.bodySnippet).toBe('{"type":"https://astra.netapp.io/problems/41","title":"Serv');
  });

  it('gives the right class when the connection drops in the middle of an error body', async () => {
    server.handle((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/problem+json', 'content-length': '5000' });
      res.write('{"type":"https://astra.netapp.io/problems/16","ti', () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const rt = runtimeFor(server, { maxRetries: 0 });
    const err = (await failure(rt.get(getCredential, ['c1']))) as InternalServerError;
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.bodySnippet).toContain('problems/16');
  });

  it('gives a clear error for a success body that is not JSON', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    const rt = runtimeFor(server);
    const err = (await failure(rt.get(getCredential, ['c1']))) as AstraInvalidResponseError;
    expect(err).toBeInstanceOf(AstraInvalidResponseError);
    expect(err.status).toBe(200);
    expect(err.contentType).toBe('text/html');
    expect(err.bodySnippet).toBe('<html>login</html>');
    expect(err.message).toMatch(/200 body is not JSON \(text\/html\)/);
    expect(server.requests).toHaveLength(1);

    server.handle((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/astra-credential+json' });
      res.end('{"id": "c1", "na');
    });
    const err2 = await failure(rt.create(createCredential, [], { name: 'x', keyType: 'generic', keyStore: {} }));
    expect(err2).toBeInstanceOf(AstraInvalidResponseError);

    server.handle((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    expect(await failure(rt.get(getCredential, ['c1']))).toMatchObject({
      name: 'AstraInvalidResponseError',
      message: expect.stringMatching(/not JSON .*empty/),
    });
  });

  it('reports a refused connection as AstraConnectionError with its code', async () => {
    const port = await deadPort();
    const rt = createRuntime({
      baseUrl: `http://127.0.0.1:${port}`,
      accountId: ACCOUNT,
      token: 't0ken-abc',
      maxRetries: 0,
    });
    const err = (await failure(rt.get(getCredential, ['c1']))) as AstraConnectionError;
    expect(err).toBeInstanceOf(AstraConnectionError);
    expect(err.code).toBe('ECONNREFUSED');
    expect(err.message).toContain('GET /accounts/acc-0001/core/v1/credentials/c1 failed');
  });
});
