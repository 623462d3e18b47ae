// Worker thread for the heavy, pure steps of a generation (see
// heavy-steps.mjs, which this thread and the main thread share). It starts
// importing their libraries at once, so that cost overlaps with the main
// thread's load and validate. Plain JavaScript so it runs under any loader
// (tsx, vitest, plain node). Inputs and outputs are structured clones.
import { parentPort } from 'node:worker_threads';
import {
  formatTypeScript,
  loadOpenapiTypescript,
  prepareRawTypesCache,
  printRawTypes,
  settleRawTypesCache,
} from './heavy-steps.mjs';

// Warm the module cache with openapi-typescript; failures surface on first
// use instead. prettier is loaded by the first formatting job, if one comes:
// the renderer lays out generated TypeScript in prettier's form itself.
try {
  loadOpenapiTypescript();
} catch {}

const steps = {
  rawTypes: (message) => printRawTypes(message.document, { cacheFile: message.cacheFile }),
  format: (message) => formatTypeScript(message.files, message.config),
  prepareRawTypes: (message) => prepareRawTypesCache(message.cacheFile),
  settle: () => settleRawTypesCache(),
};

parentPort.on('message', async (message) => {
  try {
    parentPort.postMessage({ id: message.id, result: await steps[message.kind](message) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.message ? error.message : error) });
  }
});
