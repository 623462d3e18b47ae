// A client generated from another spec (the minimal-crud golden fixture,
// copied beside this file as generated-elsewhere/): it imports
// `astra-control-sdk/runtime` and compiles against the installed package.
import { createRuntime } from 'astra-control-sdk/runtime';
import { createResourceTree } from './generated-elsewhere/index.js';
import type { Widget } from './generated-elsewhere/models/widget.js';

const widgets = createResourceTree(
  createRuntime({ baseUrl: 'https://widgets.example.com', accountId: 'acc-1', token: 't' }),
).widgets;
export const first: Promise<Widget> = widgets.get('w1');
