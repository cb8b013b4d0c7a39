// Writes X.gz (gzip level 9) beside each file X of dist/ that is larger than 1 KB and of a type that
// compresses (js, css, html, svg, json); the originals stay. npm run build runs it after vite build.
// The server sends X.gz with Content-Encoding: gzip to a browser that accepts gzip, X otherwise.
//   node scripts/compress.mjs [distDir]
import { readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2] ?? join(web, 'dist');
const kMinBytes = 1024;
const kTypes = /\.(js|css|html|svg|json)$/;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

let count = 0;
let raw = 0;
let packed = 0;
for (const path of files(dist)) {
  if (path.endsWith('.gz')) {
    // A copy left from an earlier run whose original is gone or no longer qualifies.
    const original = path.slice(0, -3);
    let keep = false;
    try {
      keep = kTypes.test(original) && statSync(original).size > kMinBytes;
    } catch {
      keep = false;
    }
    if (!keep) unlinkSync(path);
    continue;
  }
  if (!kTypes.test(path)) continue;
  const data = readFileSync(path);
  if (data.length <= kMinBytes) continue;
  // mtime 0 in the header (Node writes none), so the same input gives the same bytes.
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  if (gz.length >= data.length) {
    rmSync(`${path}.gz`, { force: true }); // nothing to gain: the server sends the original
    continue;
  }
  writeFileSync(`${path}.gz`, gz);
  count += 1;
  raw += data.length;
  packed += gz.length;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`compress: ${count} files in ${relative(process.cwd(), dist) || '.'} → .gz, ${kb(raw)} → ${kb(packed)}`);
