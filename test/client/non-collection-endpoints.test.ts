// Endpoints that are neither a collection nor a resource (issue 13), through
// the generated client against the embedded simulator: the OpenAPI document
// is `astra.openapi.get()`, resolving to the document typed as the spec says;
// the OpenMetrics text is `astra.metrics.get()`, resolving to a string.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/index.js';
import { startTestSimulator, type TestSimulator } from '../simulator/support.ts';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe('non-collection endpoints', () => {
  it('astra.openapi.get() resolves to the OpenAPI document the service describes itself with', async () => {
    const { data, response } = await sim.client().openapi.get().withResponse();
    const document: OpenApiDocument = data;
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(document.openapi).toMatch(/^3\.[0-9]+\.[0-9]+$/);
    expect(document.info.title).toBeTypeOf('string');
    expect(Object.keys(document.paths)).toContain('/accounts/{account_id}/core/v1/credentials');
  });

  it('astra.metrics.get() resolves to the OpenMetrics text, asked for with its media type', async () => {
    const { data, response } = await sim.client().metrics.get().withResponse();
    const text: string = data;
    expect(response.headers.get('content-type')).toBe('application/openmetrics-text');
    expect(text).toMatch(/# EOF\n$/);
  });
});
