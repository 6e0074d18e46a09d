// Writes schema/*.schema.json from the zod schemas. Vite loads the TypeScript source, so
// there is no second build step and no second copy of the schemas.
import {writeFileSync} from 'node:fs';
import {createServer} from 'vite';

const server = await createServer({configFile: false, logLevel: 'error', server: {middlewareMode: true}, appType: 'custom'});
try {
  const {jsonSchemas} = await server.ssrLoadModule('/schema/json-schemas.ts');
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    writeFileSync(`schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
    console.log(`wrote schema/${name}`);
  }
} finally {
  await server.close();
}
