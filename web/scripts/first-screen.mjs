// Weighs what the browser downloads for the first screen, from the built dist/ (npm run build runs
// it last, as a check): index.html with the entry script, the chunks it imports statically and the
// stylesheets; then the lazy chunks of the login page and of the home page (for a visitor already
// signed in, by role), with what they import and what Vite preloads beside them. Sizes are gzip
// level 9, as scripts/compress.mjs writes the .gz copies the server sends. Exits 1 when the login
// page or a home page weighs more than the budget (issue 12: the first screen under 300 KB
// compressed), or when a lazy chunk it looks for is not there; the login page then the home page
// is printed too. Then the owners' survey page (survey.html, /s/{token}), a light page of its own
// for a phone on a poor connection: all the JavaScript it may load, uncompressed, at most 150 KB.
//   node scripts/first-screen.mjs [distDir] [--budget=300] [--survey-budget=150] [--quiet]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = args.find((arg) => !arg.startsWith('--')) ?? join(web, 'dist');
const budgetKB = Number(args.find((arg) => arg.startsWith('--budget='))?.slice('--budget='.length) ?? 300);
const surveyBudgetKB = Number(args.find((arg) => arg.startsWith('--survey-budget='))?.slice('--survey-budget='.length) ?? 150);
const quiet = args.includes('--quiet');

// The lazy chunks of each screen, by the name of the chunk of a dynamic import (the imported
// module's name: X-<hash>.js; vite.config.ts's kFirstScreenChunks keeps these names). See
// src/app/AppRoutes.tsx, src/app/i18n/i18nContext.ts and the home sections (src/modules/service/extensions.tsx).
// The signed-in part (SignedInRoutes) holds the frame (menu, header, bells) and the home page; it
// waits for the service module's messages (messagesService); then the home loads what the user's
// roles see.
const kSignedIn = ['SignedInRoutes', 'messagesService'];
const kScreens = {
  // /login for a visitor not signed in.
  login: ['LoginPage'],
  // / for a visitor signed in: an agent (the work list), a manager (the work list and the glance),
  // the administrator (the platform's overview).
  'home (agent)': [...kSignedIn, 'WorkListHome'],
  'home (manager)': [...kSignedIn, 'WorkListHome', 'SupervisorGlance'],
  'home (administrator)': [...kSignedIn, 'HomeOverview'],
};
// Printed for information, not part of the budget: what English adds to any screen (its words).
const kExtras = {
  'English adds': ['messagesEn'],
};

const assets = readdirSync(join(dist, 'assets'));
const text = (file) => readFileSync(join(dist, file), 'utf8');

/** A file of dist/ from a URL of the page ("/assets/x.js") or of a chunk ("./x.js", relative to it). */
function distFile(url, from = '/') {
  return posix.normalize(url.startsWith('/') ? url : posix.join(posix.dirname(from), url)).replace(/^\/+/, '');
}

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const data = readFileSync(join(dist, file));
    sizes.set(file, { raw: data.length, gzip: gzipSync(data, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** The files a chunk imports statically: `import{…}from"./x.js"`, `import"./x.js"` (not `import("./x.js")`). */
function staticImports(file) {
  const found = [];
  for (const match of text(file).matchAll(/\bimport\s*(?:[\w$*{}\s,]+?from\s*)?["'](\.\.?\/[^"']+)["']/g)) {
    found.push(distFile(match[1], `/${file}`));
  }
  return found;
}

/** Adds `file` and what it imports statically, transitively, to `into`. */
function addWithImports(file, into) {
  if (into.has(file)) return into;
  into.add(file);
  if (file.endsWith('.js')) for (const next of staticImports(file)) addWithImports(next, into);
  return into;
}

/** What the page `page` (an HTML file of dist/) loads first: its entry script, what it preloads, the stylesheets. */
function firstFiles(page) {
  const html = text(page);
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`))?.[1];
  const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const scripts = tags.filter((tag) => tag.startsWith('<script') && attr(tag, 'type') === 'module').map((tag) => attr(tag, 'src'));
  if (scripts.length !== 1) throw new Error(`${page} has ${scripts.length} module scripts; expected the entry alone`);
  const entry = distFile(scripts[0]);
  const files = addWithImports(entry, new Set([page]));
  for (const tag of tags.filter((tag) => tag.startsWith('<link'))) {
    const rel = attr(tag, 'rel');
    if (rel === 'modulepreload') addWithImports(distFile(attr(tag, 'href')), files);
    if (rel === 'stylesheet') files.add(distFile(attr(tag, 'href')));
  }
  return { entry, files };
}

// index.html: the entry script, what it preloads, the stylesheets.
const { entry, files: initial } = firstFiles('index.html');

/** `files` and every chunk their scripts may import, statically or not (`import("./x.js")`), transitively. */
function everyImport(files) {
  const all = new Set();
  const visit = (file) => {
    if (all.has(file)) return;
    all.add(file);
    if (!file.endsWith('.js')) return;
    for (const next of staticImports(file)) visit(next);
    for (const match of text(file).matchAll(/\bimport\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g)) visit(distFile(match[1], `/${file}`));
  };
  for (const file of files) visit(file);
  return all;
}

/** The chunk of a dynamic import named `name`, or null when it has none (its code is in another chunk). */
function lazyChunk(name) {
  const file = assets.find((asset) => asset.startsWith(`${name}-`) && /^-[\w-]{8}\.js$/.test(asset.slice(name.length)));
  return file ? `assets/${file}` : null;
}

/**
 * What Vite preloads with `chunk` (its imports, its CSS): it writes a dynamic import as
 * import("./X-hash.js") followed by __vite__mapDeps([i, …]), indexes in the importer's `m.f=[…]`.
 */
function preloads(chunk, loaded) {
  const deps = new Set();
  const name = posix.basename(chunk).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const call = new RegExp(`import\\(["']\\./${name}["']\\)\\s*,\\s*__vite__mapDeps\\(\\[([\\d,\\s]*)\\]\\)`, 'g');
  for (const file of loaded) {
    if (!file.endsWith('.js')) continue;
    const code = text(file);
    const list = code.match(/m\.f\s*\|\|\s*\(\s*m\.f\s*=\s*(\[[^\]]*\])/);
    if (!list) continue;
    const files = JSON.parse(list[1]);
    for (const match of code.matchAll(call)) {
      for (const index of match[1].split(',').map((i) => i.trim()).filter(Boolean)) deps.add(distFile(`/${files[Number(index)]}`));
    }
  }
  return deps;
}

/** The files a screen loads, from `start`, after the lazy chunks `names`; and those added to `start`. */
function screen(names, start = initial) {
  const files = new Set(start);
  for (const name of names) {
    const chunk = lazyChunk(name);
    if (!chunk) continue;
    for (const dep of preloads(chunk, new Set(files))) addWithImports(dep, files);
    addWithImports(chunk, files);
  }
  return { files, added: [...files].filter((file) => !start.has(file)) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (files) => [...files].reduce((sum, file) => ({ raw: sum.raw + size(file).raw, gzip: sum.gzip + size(file).gzip }), { raw: 0, gzip: 0 });
function print(title, files) {
  const sum = total(files);
  console.log(`${title}: ${kb(sum.gzip)} gzip, ${kb(sum.raw)} raw, ${files.length} files`);
  if (quiet) return;
  for (const file of [...files].sort((a, b) => size(b).gzip - size(a).gzip)) {
    console.log(`  ${kb(size(file).gzip).padStart(9)} gzip ${kb(size(file).raw).padStart(9)} raw  ${file}`);
  }
}

const missing = [...new Set([...Object.values(kScreens), ...Object.values(kExtras)].flat())].filter((name) => !lazyChunk(name));
if (missing.length) {
  // Without its chunk a screen would be weighed short: the name changed, or Rollup merged the module elsewhere.
  console.error(`first-screen: no chunk ${missing.map((name) => `${name}-<hash>.js`).join(', ')} in ${dist}/assets ` +
    "(see vite.config.ts's kFirstScreenChunks and this script's kScreens)");
  process.exit(1);
}

print(`entry (${entry}, its imports, index.html, CSS)`, [...initial]);
const screens = Object.fromEntries(Object.entries(kScreens).map(([name, chunks]) => [name, screen(chunks)]));
for (const [name, { added }] of Object.entries(screens)) print(`${name} page adds (${kScreens[name].join(', ')})`, added);
for (const [title, chunks] of Object.entries(kExtras)) print(`${title} (${chunks.join(', ')})`, screen(chunks, screens['home (agent)'].files).added);

// The owners' survey page: the scripts it may load, whatever the path (none of the staff app's).
if (!existsSync(join(dist, 'survey.html'))) {
  console.error(`first-screen: no survey.html in ${dist} (vite.config.ts's build.rollupOptions.input)`);
  process.exit(1);
}
const surveyFiles = everyImport(firstFiles('survey.html').files);
const surveyScripts = [...surveyFiles].filter((file) => file.endsWith('.js'));
if (!quiet) print('survey page (survey.html, its scripts, CSS)', [...surveyFiles]);

// What the server sends compressed: each of these files needs its .gz (scripts/compress.mjs).
const unpacked = [...new Set([...Object.values(screens).flatMap((one) => [...one.files]), ...surveyFiles])].filter(
  (file) => /\.(js|css|html|svg|json)$/.test(file) && size(file).raw > 1024 && !existsSync(join(dist, `${file}.gz`)),
);
if (unpacked.length) console.warn(`first-screen: no .gz beside ${unpacked.join(', ')} (run scripts/compress.mjs)`);

const budget = budgetKB * 1024;
const both = total(new Set([...screens.login.files, ...screens['home (agent)'].files]));
const over = [];
for (const [name, { files }] of Object.entries(screens)) {
  const sum = total(files);
  if (sum.gzip > budget) over.push(`${name} ${kb(sum.gzip)}`);
  const title = `first screen, ${name === 'login' ? 'login page' : `${name.replace(/^home/, 'home page')} signed in`}:`;
  console.log(`${title.padEnd(52)}${kb(sum.gzip)} gzip (${kb(sum.raw)} raw) ${sum.gzip <= budget ? '≤' : '>'} ${budgetKB} KB`);
}
console.log(`${'login page, then home page (agent):'.padEnd(52)}${kb(both.gzip)} gzip (${kb(both.raw)} raw), not budgeted`);
const surveyBudget = surveyBudgetKB * 1024;
const surveyJs = total(surveyScripts);
console.log(`${'survey page (/s/…), all its JavaScript:'.padEnd(52)}${kb(surveyJs.raw)} raw (${kb(surveyJs.gzip)} gzip) ${surveyJs.raw <= surveyBudget ? '≤' : '>'} ${surveyBudgetKB} KB raw`);
if (over.length) {
  console.error(`first-screen: over the ${budgetKB} KB budget: ${over.join(', ')} gzip. ` +
    'See what a screen holds: npm run weight; where a chunk comes from: npx vite build --sourcemap --outDir /tmp/webmap, then its .map sources.');
}
if (surveyJs.raw > surveyBudget) {
  console.error(`first-screen: the survey page's JavaScript is ${kb(surveyJs.raw)} uncompressed, over its ${surveyBudgetKB} KB budget ` +
    `(${surveyScripts.join(', ')}): it is plain TypeScript (src/survey/), no React, no antd, nothing of the staff app.`);
}
if (over.length || surveyJs.raw > surveyBudget) process.exit(1);
