// Checks which way the web app's folders import each other (npm run build runs it first):
//  - modules (src/modules/<module>) import each other one way only: no cycle among them, two-way
//    or longer. A module adds to another's pages through that module's extension points, wired in
//    src/app/extensions.ts (see src/shared/registry.ts), not by being imported;
//  - src/shared imports no module;
//  - a module imports from src/app only the shell's services: i18n, auth and the theme.
// Prints each offending import with its file and line, and exits 1 when there is one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(web, 'src');
const kAppServices = ['app/i18n/', 'app/auth/', 'app/theme'];

function sourceFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** Where a file sits: 'app', 'shared', 'modules/<name>', or null (src/main.tsx). */
function areaOf(path) {
  const parts = relative(src, path).split(sep);
  if (parts[0] === 'modules') return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0] : null;
}

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`.
const kImport = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g;

const problems = [];
const edges = new Map(); // module → Map(imported module → first "file:line")
for (const file of sourceFiles(src)) {
  const from = areaOf(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(kImport)) {
    const target = resolve(dirname(file), match[1]);
    const to = areaOf(target);
    if (!to || to === from) continue;
    const line = text.slice(0, match.index).split('\n').length;
    const where = `${relative(web, file)}:${line}`;
    const path = relative(src, target).split(sep).join('/');
    if (from === 'shared' && to.startsWith('modules/')) problems.push(`${where}: shared code imports ${to} (${match[1]})`);
    if (from?.startsWith('modules/') && to === 'app' && !kAppServices.some((prefix) => path.startsWith(prefix))) {
      problems.push(`${where}: ${from} imports the app shell's ${path} (only ${kAppServices.join(', ')} are for modules)`);
    }
    if (from?.startsWith('modules/') && to.startsWith('modules/')) {
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, where);
    }
  }
}

// Cycles among modules: a depth-first search that reports each cycle once, by its smallest member.
const reported = new Set();
function walk(start, node, trail) {
  for (const [next] of edges.get(node) ?? []) {
    if (next === start) {
      const cycle = [...trail, start];
      const key = [...trail].sort().join(' ');
      if (reported.has(key)) continue;
      reported.add(key);
      const steps = cycle.slice(0, -1).map((module, i) => `  ${module} → ${cycle[i + 1]} (${edges.get(module).get(cycle[i + 1])})`);
      problems.push(`modules import each other: ${cycle.join(' → ')}\n${steps.join('\n')}`);
    } else if (!trail.includes(next) && next > start) {
      walk(start, next, [...trail, next]);
    }
  }
}
for (const module of [...edges.keys()].sort()) walk(module, module, [module]);

if (problems.length) {
  console.error(`check-imports: ${problems.length} problem${problems.length > 1 ? 's' : ''}\n${problems.join('\n')}`);
  process.exit(1);
}
const pairs = [...edges].flatMap(([from, tos]) => [...tos.keys()].map((to) => `${from.slice(8)}→${to.slice(8)}`));
console.log(`check-imports: modules import one way only (${pairs.sort().join(', ')})`);
