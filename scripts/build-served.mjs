// Builds what `npm start` serves, and only what is out of date: the server (and the packages it
// uses) through tsc's incremental build, the client through Vite when a source of it is newer
// than its last build. Type checks of the client and the tests stay in `npm run build` / `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, entry) => Math.max(latest, newest(join(path, entry))), 0);
}

run(bin('tsc'), ['-b', 'server']);

const clientInputs = ['client/src', 'client/index.html', 'client/vite.config.ts', 'client/package.json', 'shared/dist', 'package-lock.json'];
const built = newest(join(root, 'client/dist/index.html'));
if (built === 0 || clientInputs.some((input) => newest(join(root, input)) > built)) {
  run(bin('vite'), ['build'], join(root, 'client'));
} else {
  console.log('client/dist is up to date');
}
