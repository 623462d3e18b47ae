// The runtime's size budget, measured exactly as `npm run bench` reports it
// (bench/support/bundle-size.ts): createAstraClient bundled, minified and
// gzipped stays under RUNTIME_BUDGET_BYTES.
import { describe, expect, it } from 'vitest';
import { BUDGET_ENTRY, RUNTIME_BUDGET_BYTES, bundleSize } from '../../bench/support/bundle-size.ts';

describe('runtime size budget', () => {
  it(`createAstraClient is under ${RUNTIME_BUDGET_BYTES} bytes minified and gzipped`, async () => {
    const { min, gz } = await bundleSize(BUDGET_ENTRY);
    expect(min).toBeGreaterThan(gz); // the bundle was built and compressed
    expect(gz, `createAstraClient bundles to ${gz} B gzipped (${min} B minified)`).toBeLessThan(RUNTIME_BUDGET_BYTES);
  });

  it('measures what an entry really pulls in: the whole public API is larger than the budgeted entry', async () => {
    const budgeted = await bundleSize(BUDGET_ENTRY);
    const whole = await bundleSize(`export * from './src/index.ts';`);
    expect(whole.gz).toBeGreaterThan(budgeted.gz);
  });
});
