/** Offsets into the printed text; `end` is past the member's last newline. */
export interface Span {
  start: number;
  end: number;
}

export interface PrintedMembers {
  /** Members by section (`paths`, `operations`, `components.schemas`, …), then by printed key. */
  sections: Map<string, Map<string, Span>>;
  /** Top-level declarations besides paths, webhooks, components, $defs and operations (helpers such as WithRequired). */
  extras: string[];
}

export declare function printedMembers(text: string): PrintedMembers | null;
