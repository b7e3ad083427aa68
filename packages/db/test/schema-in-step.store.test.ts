import { sql } from 'kysely';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';

const SCHEMA = new URL('../src/schema.ts', import.meta.url);

/** `schema.ts` as written: each table's columns, and whether its type admits null. */
function declaredTables(): Map<string, Map<string, boolean>> {
  const source = ts.createSourceFile('schema.ts', readFileSync(SCHEMA, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const db = interfaces.get('DB');
  if (!db) throw new Error('schema.ts has no DB interface');
  const tables = new Map<string, Map<string, boolean>>();
  for (const member of db.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const table = interfaces.get(member.type.getText(source));
    if (!table) throw new Error(`schema.ts: ${member.name.getText(source)} names no interface`);
    const columns = new Map<string, boolean>();
    const read = (declaration: ts.InterfaceDeclaration) => {
      // Columns shared through `extends` (the tallies' dimensions) count as the table's own.
      for (const clause of declaration.heritageClauses ?? []) {
        for (const parent of clause.types) {
          const inherited = interfaces.get(parent.expression.getText(source));
          if (inherited) read(inherited);
        }
      }
      for (const column of declaration.members) {
        if (ts.isPropertySignature(column) && column.type) columns.set(column.name.getText(source), admitsNull(column.type));
      }
    };
    read(table);
    tables.set(member.name.getText(source), columns);
  }
  return tables;
}

/** `T | null`, or a kysely ColumnType/Generated/GeneratedAlways whose selected type is. */
function admitsNull(type: ts.TypeNode): boolean {
  if (ts.isUnionTypeNode(type)) return type.types.some((t) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword);
  if (ts.isTypeReferenceNode(type) && ['ColumnType', 'Generated', 'GeneratedAlways'].includes(type.typeName.getText()) && type.typeArguments?.[0]) {
    return admitsNull(type.typeArguments[0]);
  }
  return false;
}

describe(`schema.ts and the migrated store on ${TEST_STORE}`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await newTestStore();
  });
  afterAll(async () => t?.close());

  it('name the same tables and columns, and agree on which columns may be null', async () => {
    const rows = (
      await sql<{ table_name: string; column_name: string; is_nullable: string }>`
        select table_name, column_name, is_nullable from information_schema.columns
        where table_schema = 'public' order by table_name, ordinal_position`.execute(t.store.db)
    ).rows;
    const stored = new Map<string, Map<string, boolean>>();
    for (const row of rows) {
      const columns = stored.get(row.table_name) ?? new Map<string, boolean>();
      columns.set(row.column_name, row.is_nullable === 'YES');
      stored.set(row.table_name, columns);
    }
    const declared = declaredTables();
    const describe = (tables: Map<string, Map<string, boolean>>) =>
      Object.fromEntries(
        [...tables.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([table, columns]) => [
            table,
            [...columns.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([column, nullable]) => `${column}${nullable ? '?' : ''}`),
          ]),
      );
    expect(describe(declared)).toEqual(describe(stored));
  });
});
