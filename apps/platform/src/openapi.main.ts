import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateOpenApiDocument } from './generate-openapi';

/** `npm run openapi [-- file]`: writes the OpenAPI document (default openapi.json) for client generators. */
async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? 'openapi.json');
  const document = await generateOpenApiDocument();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
  console.log(`OpenAPI document written to ${file} (${Object.keys(document.paths).length} paths)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
