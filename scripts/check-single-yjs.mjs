// Two copies of yjs in one bundle or process break sync silently ("Yjs was already imported"):
// this check fails the build when npm has installed more than one.
import { execFileSync } from 'node:child_process';

const found = JSON.parse(execFileSync('npm', ['query', '#yjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const copies = found.map((pkg) => `${pkg.location}@${pkg.version}`);
if (copies.length !== 1) {
  console.error(`Expected exactly one copy of yjs, found ${copies.length}:\n  ${copies.join('\n  ')}`);
  process.exit(1);
}
console.log(`one copy of yjs: ${copies[0]}`);
