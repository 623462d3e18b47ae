// Key-order-independent JSON text: reordering keys in a spec is not a change.
import type { Json } from '../pipeline/load.ts';

export function canonical(value: Json | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
    .join(',')}}`;
}

export const same = (a: Json | undefined, b: Json | undefined) => canonical(a) === canonical(b);
