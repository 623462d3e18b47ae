import type { Json } from '../util/json.ts';

export declare function dereferenceInternalRefs(document: Json): Json | null;
