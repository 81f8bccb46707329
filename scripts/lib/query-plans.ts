// Captures the statements a piece of data-access code runs and explains them on PostgreSQL: used by
// `npm run bench:explain` (figures) and by tests/integration/reader-plans.test.ts (no full scans).
import type postgres from 'postgres';

export interface CapturedStatement {
  query: string;
  params: unknown[];
}

/** A Drizzle logger that records every statement, and a way to take what it recorded. */
export function statementRecorder() {
  const captured: CapturedStatement[] = [];
  return {
    logger: { logQuery: (query: string, params: unknown[]) => void captured.push({ query, params }) },
    async record(run: () => Promise<unknown>): Promise<CapturedStatement[]> {
      captured.length = 0;
      await run();
      return captured.splice(0);
    },
  };
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

export interface ExplainedStatement {
  executionMs: number;
  /** Buffers (8 KB pages) the statement touched. */
  buffers: number;
  /** Tables read by a sequential scan. */
  seqScans: string[];
  /** Rows the scans of each table produced or filtered out, over all loops. */
  rowsRead: Record<string, number>;
  plan: PlanNode;
}

export async function explainStatement(client: postgres.Sql, statement: CapturedStatement): Promise<ExplainedStatement> {
  const result = await client.unsafe(`explain (analyze, buffers, format json) ${statement.query}`, statement.params as never[]);
  const root = (result[0] as unknown as { 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[] })['QUERY PLAN'][0]!;
  const seqScans = new Set<string>();
  const rowsRead: Record<string, number> = {};
  walk(root.Plan, (node) => {
    if (node['Node Type'] === 'Seq Scan') seqScans.add(node['Relation Name'] ?? '?');
    const table = node['Relation Name'];
    if (table) rowsRead[table] = (rowsRead[table] ?? 0) + ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1);
  });
  return {
    executionMs: root['Execution Time'],
    buffers: (root.Plan['Shared Hit Blocks'] ?? 0) + (root.Plan['Shared Read Blocks'] ?? 0),
    seqScans: [...seqScans],
    rowsRead,
    plan: root.Plan,
  };
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}
