// Exits 0 when a PostgreSQL server answers at the given URL within two seconds.
import postgres from 'postgres';
const sql = postgres(process.argv[2], { max: 1, connect_timeout: 2, onnotice: () => {} });
try {
  await sql`select 1`;
  await sql.end();
  process.exit(0);
} catch {
  process.exit(1);
}
