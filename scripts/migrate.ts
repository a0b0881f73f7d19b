/**
 * Migrate the Tend database to the newest schema.
 * Usage: npm run db:migrate        (database: TEND_DB, default data/tend.db)
 * Exit codes: 0 migrated, 1 failed.
 */
import { databasePath, openDb } from '../db/client';
import { migrate } from '../db/migrate';

if (process.argv.includes('--help')) {
  console.log('Usage: npm run db:migrate\nApplies db/migrations to the database at TEND_DB (default data/tend.db).');
  process.exit(0);
}
try {
  const db = openDb();
  migrate(db);
  db.$client.close();
  console.log(`migrated ${databasePath()}`);
} catch (err) {
  console.error(`migration failed for ${databasePath()}: ${(err as Error).message}`);
  process.exit(1);
}
