// `npm run build [-- <service> ...]`: the production build of every service (apps/*/src/main.ts) into
// dist/apps/<service>; `node dist/apps/<service>/main.js` runs it with production packages only.
import { join } from 'node:path';
import { BuildError, buildService, discoverServices } from './service-build';

const root = join(__dirname, '../..');
const requested = process.argv.slice(2);
const services = requested.length > 0 ? requested : discoverServices(root);
try {
  for (const service of services) {
    const started = Date.now();
    const build = buildService(root, service);
    console.log(
      `${service}: ${build.sources.length} sources, ${build.assets.length} assets, ${Object.keys(build.dependencies).length} dependencies ` +
        `(${build.packages.length} packages) -> ${build.outDir} in ${Date.now() - started} ms`,
    );
  }
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`build failed: ${error.message}`);
  process.exit(1);
}
