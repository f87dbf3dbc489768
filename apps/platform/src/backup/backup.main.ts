import { loadPlatformConfig } from '@platform/common';
import { backupDataDir } from './data-dir-backup';

/** `npm run backup -- <directory>`: an online backup of DATA_DIR, safe while the platform runs (deploy/README.md). */
function main(): void {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npm run backup -- <new directory>   (DATA_DIR as for the application)');
  const { dataDir } = loadPlatformConfig();
  const manifest = backupDataDir(dataDir, target, { onStep: (m) => console.log(m) });
  console.log(`备份完成 (backup complete): ${manifest.files.map((f) => f.name).join(', ')}; events up to position ${manifest.events.headPosition}`);
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
