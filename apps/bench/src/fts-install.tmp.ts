import Database from 'better-sqlite3';
import { SqliteSearchIndex } from '../../../libs/views/src/search/sqlite-search-index';
const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL'); db.pragma('temp_store = MEMORY');
for (const t of ['insert', 'update', 'delete', 'loading', 'loaded']) db.exec(`DROP TRIGGER IF EXISTS search_fts_v3_${t}`);
for (const t of ['', '_short', '_keys']) db.exec(`DROP TABLE IF EXISTS search_fts_v3${t}`);
const t0 = performance.now();
new SqliteSearchIndex(db);
console.log('install ms', Math.round(performance.now() - t0), 'entries', db.prepare('SELECT count(*) n FROM search_fts_v3_keys').get());
