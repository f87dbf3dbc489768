import { loadPlatformConfig } from '@platform/common';
import { restoreDataDir } from './data-dir-backup';

/** `npm run restore -- <backup directory>`: into DATA_DIR, with the platform stopped (deploy/README.md). */
function main(): void {
  const backup = process.argv[2];
  if (!backup) throw new Error('usage: npm run restore -- <backup directory>   (stop the platform first; DATA_DIR as for the application)');
  const { dataDir } = loadPlatformConfig();
  const { manifest, setAside } = restoreDataDir(backup, dataDir, { onStep: (m) => console.log(m) });
  console.log(
    `恢复完成 (restored) into ${dataDir}: events up to position ${manifest.events.headPosition} from the backup of ${manifest.createdAt}` +
      (setAside ? `; the previous files are in ${setAside}` : ''),
  );
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
