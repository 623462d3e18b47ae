// Reads generated TypeScript back with the TypeScript compiler API, so tests
// compare what the code *means* (the literal values, property names and
// descriptor fields) with what the spec says, byte for byte.
import ts from 'typescript';

export function parse(text: string, name = 'x.ts'): ts.SourceFile {
  return ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

/** Every `export type X = …` in a file, by name. */
export function typeAliases(text: string): Map<string, ts.TypeAliasDeclaration> {
  const out = new Map<string, ts.TypeAliasDeclaration>();
  for (const s of parse(text).statements) if (ts.isTypeAliasDeclaration(s)) out.set(s.name.text, s);
  return out;
}

/** The values of a union of string literal types, in order. */
export function stringLiteralUnion(node: ts.TypeNode): string[] {
  const members = ts.isUnionTypeNode(node) ? node.types : [node];
  return members.map((m) => {
    if (ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal)) return m.literal.text;
    throw new Error(`not a string literal type: ${m.getText()}`);
  });
}

/** The property names of a type literal, as the compiler reads them, in order. */
export function propertyNames(node: ts.TypeNode): string[] {
  if (!ts.isTypeLiteralNode(node)) throw new Error(`not a type literal: ${node.getText().slice(0, 80)}`);
  return node.members.map((m) => {
    const name = m.name!;
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
    throw new Error(`unexpected property name ${name.getText()}`);
  });
}

/** The JSDoc text attached to a declaration (tags included, as written). */
export function jsDocText(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .map((d) => d.getText())
    .join('\n');
}

/** `const x: OperationDescriptor = { … }` declarations: their string fields, as values. */
export function descriptors(text: string): Map<string, Record<string, string | string[]>> {
  const out = new Map<string, Record<string, string | string[]>>();
  for (const s of parse(text).statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      if (!d.initializer || !ts.isObjectLiteralExpression(d.initializer) || d.type?.getText() !== 'OperationDescriptor')
        continue;
      const fields: Record<string, string | string[]> = {};
      for (const p of d.initializer.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
        if (ts.isStringLiteral(p.initializer)) fields[p.name.text] = p.initializer.text;
        else if (ts.isArrayLiteralExpression(p.initializer))
          fields[p.name.text] = p.initializer.elements.filter(ts.isStringLiteral).map((e) => e.text);
      }
      out.set((d.name as ts.Identifier).text, fields);
    }
  }
  return out;
}

/** `problemTypes = { name: { title: '…', extensions: […] } }`: each entry's string fields. */
export function problemEntries(text: string): Map<string, { title: string; extensions: string[] }> {
  const out = new Map<string, { title: string; extensions: string[] }>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'problemTypes') {
      let init = node.initializer!;
      while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)) init = init.expression;
      for (const p of (init as ts.ObjectLiteralExpression).properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const fields = p.initializer as ts.ObjectLiteralExpression;
        const get = (n: string) =>
          fields.properties.find(
            (f): f is ts.PropertyAssignment => ts.isPropertyAssignment(f) && (f.name as ts.Identifier).text === n,
          )!.initializer;
        out.set((p.name as ts.Identifier).text, {
          title: (get('title') as ts.StringLiteral).text,
          extensions: (get('extensions') as ts.ArrayLiteralExpression).elements.map(
            (e) => (e as ts.StringLiteral).text,
          ),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(text));
  return out;
}
