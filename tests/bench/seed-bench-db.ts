/** Prepares a bench database (PGlite folder or PostgreSQL URL): migrations, office data, a busy year. */
import { openDatabase } from '../../db/client';
import { seedOffice } from '../../db/seed';
import { seedBenchOffice } from './bench-office';

const [target = '', count = '50000'] = process.argv.slice(2);
const handle = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
await handle.migrate();
await seedOffice(handle.db);
await seedBenchOffice(handle.db, Number(count), new Date());
await handle.close();
