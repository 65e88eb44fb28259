// Every foreign key must be the leading columns of some (non-partial) index: otherwise listing a parent's
// children, and every delete or key update of the parent, scans the whole child table. The columns the key
// queries filter and sort on are listed below and checked the same way.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/test/db";

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb({ demo: false });
});
afterAll(async () => {
  await handle?.drop();
});

interface ForeignKeyRow {
  table: string;
  columns: string;
}

/** "table(col, col)" for every foreign key whose columns, in any order, do not lead a full index of the table. */
async function unindexedForeignKeys(): Promise<string[]> {
  const rows = await execRows<ForeignKeyRow>(
    handle.db,
    sql`
      select c.conrelid::regclass::text as "table",
             (select string_agg(a.attname, ', ' order by k.n)
                from unnest(c.conkey) with ordinality k(attnum, n)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns
        from pg_constraint c
        join pg_namespace ns on ns.oid = c.connamespace
       where c.contype = 'f'
         and ns.nspname not in ('pg_catalog', 'information_schema', 'drizzle')
         and not exists (
           select 1 from pg_index i
            where i.indrelid = c.conrelid
              and i.indpred is null
              and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
              and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)
       order by 1, 2`,
  );
  return rows.map((r) => `${r.table}(${r.columns})`);
}

/** The leading columns of every full index, as "table(col, col, …)" for each prefix. */
async function indexPrefixes(): Promise<Set<string>> {
  const rows = await execRows<{ table: string; columns: string[] }>(
    handle.db,
    sql`
      select i.indrelid::regclass::text as "table",
             array(select a.attname::text
                     from unnest(string_to_array(i.indkey::text, ' ')::int2[]) with ordinality k(attnum, n)
                     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                    order by k.n) as columns
        from pg_index i
        join pg_class t on t.oid = i.indrelid
        join pg_namespace ns on ns.oid = t.relnamespace
       where i.indpred is null and ns.nspname = 'public'`,
  );
  const out = new Set<string>();
  for (const { table, columns } of rows) {
    for (let n = 1; n <= columns.length; n += 1) out.add(`${table}(${columns.slice(0, n).join(", ")})`);
  }
  return out;
}

// What the key list queries filter and sort on (lib/*/queries.ts), as the leading columns an index must have.
const QUERY_COLUMNS = [
  // /requests: by status, by country (a focal point's list), newest change or creation first.
  "assistance_requests(status, updated_at)",
  "assistance_requests(country_iso2, status, updated_at)",
  "assistance_requests(country_iso2, updated_at)",
  "assistance_requests(updated_at, id)",
  "assistance_requests(created_at, id)",
  "request_programs(program_id)",
  // A request's page: its comments, attachments, decisions, screenings and history.
  "request_comments(request_id, created_at)",
  "request_attachments(request_id, created_at)",
  "request_decisions(request_id, created_at)",
  "request_screenings(request_id, created_at)",
  "audit_events(entity_type, entity_id, occurred_at)",
  "review_assignments(reviewer_id, status)",
  // /awards and /approvals: newest first, by program and status, a partner's, a country's, pending ones.
  "awards(created_at, reference)",
  "awards(program_id, status)",
  "awards(implementing_partner_id, created_at)",
  "awards(country_iso2, created_at)",
  "awards(status, created_at)",
  // An award's page and the figures of money, indicators and deliverables.
  "award_deliverables(award_id, due_on)",
  "progress_reports(award_id, status)",
  "equipment_items(award_id, created_at)",
  "equipment_checks(item_id, checked_on)",
  "report_actuals(award_indicator_id)",
  // Overdue reports and late deliverables, oldest due first.
  "reporting_periods(due_on)",
  "award_deliverables(due_on)",
];

describe("indexes", () => {
  it("every foreign key leads an index", async () => {
    expect(await unindexedForeignKeys()).toEqual([]);
  });

  it("the columns the key queries filter and sort on lead an index", async () => {
    const prefixes = await indexPrefixes();
    expect(QUERY_COLUMNS.filter((c) => !prefixes.has(c))).toEqual([]);
  });

  it("a foreign key without an index is reported", async () => {
    await handle.db.execute(sql`create table index_probe (award_id uuid references awards(id))`);
    try {
      expect(await unindexedForeignKeys()).toEqual(["index_probe(award_id)"]);
    } finally {
      await handle.db.execute(sql`drop table index_probe`);
    }
  });
});
