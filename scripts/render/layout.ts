// A small layout engine with prettier's semantics, so the emitters can print
// generated TypeScript in exactly the form prettier would give it, without
// running prettier (which costs a generation about a second per hundred files).
//
// The documents are a subset of prettier's own doc language (groups, indents,
// aligns, lines, if-break, indent-if-break) and print() follows prettier's
// printDocToString for that subset: a group goes on one line when its content
// fits in what is left of the line, counting the commands after it up to
// their first possible line break, and otherwise breaks its lines; a hard line
// breaks every group around it. The emitters build for each construct the
// document prettier builds for it (see `prettier.__debug.printToDoc`), and
// test/generator/render/prettier-form.test.ts compares the results with
// prettier's byte for byte.
//
// Widths are counted in characters, which is prettier's measure for text whose
// characters are each one column wide; print() reports code holding any other
// character (its caller then lets prettier print that file).

export type Doc = string | Doc[] | Group | Indent | Align | Line | IfBreak | IndentIfBreak | Verbatim;

interface Group {
  kind: 'group';
  contents: Doc;
  /** Broken from the start (prettier's shouldBreak, or a hard line inside). */
  break: boolean;
  id?: symbol;
}
interface Indent {
  kind: 'indent';
  contents: Doc;
}
interface Align {
  kind: 'align';
  width: number;
  contents: Doc;
}
interface Line {
  kind: 'line';
  /** A space when flat (a soft line prints nothing). */
  soft: boolean;
  hard: boolean;
}
interface IfBreak {
  kind: 'if-break';
  breakContents: Doc;
  flatContents: Doc;
  groupId?: symbol;
}
interface IndentIfBreak {
  kind: 'indent-if-break';
  contents: Doc;
  groupId: symbol;
}
/** Lines printed as given at the current indentation, each ended by a hard line (doc comments). */
interface Verbatim {
  kind: 'verbatim';
  lines: string[];
}

export const group = (contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Doc => ({
  kind: 'group',
  contents,
  break: options.shouldBreak ?? false,
  id: options.id,
});
export const indent = (contents: Doc): Doc => ({ kind: 'indent', contents });
export const align = (width: number, contents: Doc): Doc => ({ kind: 'align', width, contents });
export const line: Doc = { kind: 'line', soft: false, hard: false };
export const softline: Doc = { kind: 'line', soft: true, hard: false };
export const hardline: Doc = { kind: 'line', soft: false, hard: true };
export const ifBreak = (breakContents: Doc, flatContents: Doc = '', groupId?: symbol): Doc => ({
  kind: 'if-break',
  breakContents,
  flatContents,
  groupId,
});
export const indentIfBreak = (contents: Doc, groupId: symbol): Doc => ({ kind: 'indent-if-break', contents, groupId });
export const verbatim = (lines: string[]): Doc => ({ kind: 'verbatim', lines });

/** `docs` with `separator` between each two. */
export function join(separator: Doc, docs: Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i ? [separator, d] : [d]));
}

const ONE_COLUMN = /^[\u0020-\u007e\u00a0-\u02ff]*$/;

export interface PrintOptions {
  printWidth: number;
  /** The indentation of the line the document starts on (not printed: the caller's text holds it). */
  startIndent?: number;
  /** The column the document starts at, when text precedes it on its first line; default startIndent. */
  startColumn?: number;
  /** Told about text whose width prettier may measure otherwise than by its length. */
  refuse: (reason: string) => void;
}

type Mode = 'break' | 'flat';
interface Command {
  indent: number;
  mode: Mode;
  doc: Doc;
}

/**
 * Marks every group holding a hard line, verbatim lines or a broken group as
 * broken, as prettier's propagateBreaks does. Returns whether `doc` holds one.
 */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) {
    let hard = false;
    for (const d of doc) if (propagateBreaks(d)) hard = true;
    return hard;
  }
  switch (doc.kind) {
    case 'line':
      return doc.hard;
    case 'verbatim':
      return true;
    case 'group':
      if (propagateBreaks(doc.contents)) doc.break = true;
      return doc.break;
    case 'if-break':
      return propagateBreaks(doc.breakContents) || propagateBreaks(doc.flatContents);
    default:
      return propagateBreaks(doc.contents);
  }
}

/** Whether `next` fits in `room` columns, followed by `rest` (taken from the end) up to its first line break. */
function fits(
  next: Command,
  rest: Command[],
  room: number,
  groupModes: Map<symbol, Mode>,
  width: (text: string) => number,
): boolean {
  let restIndex = rest.length;
  const commands: { mode: Mode; doc: Doc }[] = [next];
  while (room >= 0) {
    if (!commands.length) {
      if (restIndex === 0) return true;
      commands.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = commands.pop()!;
    if (typeof doc === 'string') room -= width(doc);
    else if (Array.isArray(doc)) for (let i = doc.length - 1; i >= 0; i--) commands.push({ mode, doc: doc[i]! });
    else
      switch (doc.kind) {
        case 'indent':
        case 'align':
        case 'indent-if-break':
          commands.push({ mode, doc: doc.contents });
          break;
        case 'group':
          commands.push({ mode: doc.break ? 'break' : mode, doc: doc.contents });
          break;
        case 'if-break': {
          const groupMode = doc.groupId ? (groupModes.get(doc.groupId) ?? 'flat') : mode;
          commands.push({ mode, doc: groupMode === 'break' ? doc.breakContents : doc.flatContents });
          break;
        }
        case 'line':
          if (mode === 'break' || doc.hard) return true;
          if (!doc.soft) room -= 1;
          break;
        case 'verbatim':
          return true;
      }
  }
  return false;
}

/** Prints `doc` as prettier would. */
export function print(doc: Doc, options: PrintOptions): string {
  const { printWidth, startIndent = 0, startColumn = startIndent, refuse } = options;
  const width = (text: string) => {
    if (!ONE_COLUMN.test(text))
      refuse(`a character prettier may count as other than one column in ${JSON.stringify(text)}`);
    return text.length;
  };
  propagateBreaks(doc);
  const groupModes = new Map<symbol, Mode>();
  const out: string[] = [];
  let column = startColumn;
  const commands: Command[] = [{ indent: startIndent, mode: 'break', doc }];
  while (commands.length) {
    const { indent: ind, mode, doc: d } = commands.pop()!;
    if (typeof d === 'string') {
      out.push(d);
      column += width(d);
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) commands.push({ indent: ind, mode, doc: d[i]! });
      continue;
    }
    switch (d.kind) {
      case 'indent':
        commands.push({ indent: ind + 2, mode, doc: d.contents });
        break;
      case 'align':
        commands.push({ indent: ind + d.width, mode, doc: d.contents });
        break;
      case 'indent-if-break':
        commands.push({ indent: groupModes.get(d.groupId) === 'break' ? ind + 2 : ind, mode, doc: d.contents });
        break;
      case 'group': {
        // Inside a flat group everything is flat; a broken group breaks; otherwise it breaks unless it fits.
        const flat: Command = { indent: ind, mode: 'flat', doc: d.contents };
        const groupMode: Mode = d.break
          ? 'break'
          : mode === 'flat' || fits(flat, commands, printWidth - column, groupModes, width)
            ? 'flat'
            : 'break';
        commands.push({ indent: ind, mode: groupMode, doc: d.contents });
        if (d.id) groupModes.set(d.id, groupMode);
        break;
      }
      case 'if-break': {
        const groupMode = d.groupId ? groupModes.get(d.groupId) : mode;
        commands.push({ indent: ind, mode, doc: groupMode === 'break' ? d.breakContents : d.flatContents });
        break;
      }
      case 'line':
        if (mode === 'flat' && !d.hard) {
          if (!d.soft) {
            out.push(' ');
            column += 1;
          }
          break;
        }
        trimTrailingSpaces(out);
        out.push('\n' + ' '.repeat(ind));
        column = ind;
        break;
      case 'verbatim':
        // Comment text is never measured: a hard line follows each line.
        for (const text of d.lines) {
          out.push(text);
          trimTrailingSpaces(out);
          out.push('\n' + ' '.repeat(ind));
        }
        column = ind;
        break;
    }
  }
  return out.join('');
}

function trimTrailingSpaces(out: string[]): void {
  while (out.length) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, '');
    if (trimmed.length) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
