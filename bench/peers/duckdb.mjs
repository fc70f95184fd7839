// DuckDB as a peer for keten on the same synthetic data (bench/gen.py): the closest SQL to
// `keten owners` and to `keten screen`, run end to end as a user runs them.
//   node duckdb.mjs import DATA.jsonl DB.duckdb       load the JSON Lines into a database file once
//   node duckdb.mjs owners ID SOURCE                  owners of ID from DATA.jsonl or DB.duckdb
//   node duckdb.mjs screen TENDER.json SOURCE POLICY  which bidders reach a C1/C2 or state-owned party
// SOURCE ending in .jsonl is read with DuckDB's parallel JSON reader each time; else a database.
// Prints a one-line summary (counts), so answers can be compared with keten's.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [mode, a, b, c] = process.argv.slice(2);

// The relations and entities, from the JSON (parallel reader) or from the database file.
async function open(source) {
  const json = source.endsWith('.jsonl');
  const db = await DuckDBInstance.create(json ? ':memory:' : source, json ? {} : { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  if (json) await load(con, source);
  return con;
}

async function load(con, path) {
  const src = `read_json('${path}', format = 'newline_delimited', columns = {rel: 'VARCHAR', "from": 'VARCHAR',
      "to": 'VARCHAR', share: 'DOUBLE', id: 'VARCHAR', type: 'VARCHAR', country: 'VARCHAR', state_owned: 'BOOLEAN'},
      ignore_errors = true)`;
  await con.run(`CREATE TABLE raw AS SELECT * FROM ${src}`);
  await con.run(`CREATE TABLE rel AS SELECT rel, "from" AS src, "to" AS dst, share FROM raw WHERE rel IS NOT NULL`);
  await con.run(`CREATE TABLE ent AS SELECT id, type, country, coalesce(state_owned, false) AS state_owned
                 FROM raw WHERE id IS NOT NULL`);
  await con.run(`DROP TABLE raw`);
}

async function one(con, sql) {
  const r = await con.runAndReadAll(sql);
  return r.getRowObjects();
}

if (mode === 'import') {
  const db = await DuckDBInstance.create(b);
  const con = await db.connect();
  await load(con, a);
  const [n] = await one(con, `SELECT (SELECT count(*) FROM rel) AS rels, (SELECT count(*) FROM ent) AS ents`);
  console.log(`imported ${n.rels} relations, ${n.ents} entities`);
} else if (mode === 'owners') {
  // integrated ownership as keten computes it on acyclic parts: the sum over ownership paths of
  // the product of the shares, paths up to 25 steps (a cycle is cut there, not solved)
  const con = await open(b);
  const rows = await one(con, `
    WITH RECURSIVE up(owner, product, depth) AS (
      SELECT src, share / 100, 1 FROM rel WHERE rel = 'owns' AND dst = '${a}' AND src <> dst
      UNION ALL
      SELECT r.src, up.product * r.share / 100, up.depth + 1
      FROM up JOIN rel r ON r.rel = 'owns' AND r.dst = up.owner AND r.src <> r.dst
      WHERE up.depth < 25)
    SELECT owner, sum(product) * 100 AS integrated FROM up GROUP BY owner ORDER BY integrated DESC, owner`);
  console.log(`owners of ${a}: ${rows.length}` + (rows.length ? `, largest ${rows[0].owner} ${rows[0].integrated.toFixed(2)}%` : ''));
} else if (mode === 'screen') {
  // one reverse search from the marked parties (C1 or C2 country, or state-owned) along the
  // dependency steps keten's exposure follows; a bidder whose parties reach one has a finding
  const con = await open(b);
  const pol = JSON.parse(readFileSync(c, 'utf8'));
  const risky = [...new Set([...pol.C1.countries, ...pol.C2.countries])].map((x) => `'${x}'`).join(',');
  const share = (pol.thresholds && pol.thresholds.owner_share) || 10;
  await con.run(`CREATE TEMP TABLE dep AS            -- a depends on b
      SELECT dst AS a, src AS b FROM rel WHERE rel IN ('member_of', 'supplies', 'controls')
      UNION ALL SELECT src, dst FROM rel WHERE rel IN ('subcontracts', 'offers', 'contains', 'made_by')
      UNION ALL SELECT dst, src FROM rel WHERE rel = 'owns' AND (share IS NULL OR share >= ${share})`);
  const t = JSON.parse(readFileSync(a, 'utf8'));
  const starts = [];
  for (const bd of t.bidders) {
    const ids = bd.consortium ? [bd.consortium] : [...(bd.members || []).map((m) => m.id), ...(bd.subcontractors || []), ...(bd.offers || [])];
    for (const id of ids) starts.push(`('${bd.id}', '${id}')`);
  }
  await con.run(`CREATE TEMP TABLE start(bidder VARCHAR, node VARCHAR)`);
  for (let i = 0; i < starts.length; i += 5000) await con.run(`INSERT INTO start VALUES ${starts.slice(i, i + 5000).join(',')}`);
  const rows = await one(con, `
    WITH RECURSIVE reaches(node) AS (
      SELECT id FROM ent WHERE country IN (${risky}) OR state_owned
      UNION
      SELECT d.a FROM reaches JOIN dep d ON d.b = reaches.node)
    SELECT count(DISTINCT s.bidder) AS flagged FROM start s JOIN reaches r ON r.node = s.node`);
  console.log(`bidders ${t.bidders.length}, with a finding ${rows[0].flagged}`);
} else {
  console.error('usage: node duckdb.mjs import|owners|screen ...');
  process.exit(2);
}
