// Lints the server's OpenAPI document with Redocly CLI (`npm run lint:openapi`; `make test` runs it):
// the recommended rules, as web/redocly.yaml sets them. The document is merged from src/**/openapi.json
// as the server merges it (scripts/openapi.mjs) and written to a temporary file, which Redocly reads.
// Each problem is printed with the source file that holds it and its JSON pointer in the merged
// document; any problem, error or warning, exits 1. Redocly not running as expected exits 2.
//   node scripts/lint-openapi.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kBase, mergedDocument } from './openapi.mjs';

const kMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = join(web, 'redocly.yaml');
const require = createRequire(import.meta.url);
const cliPackage = require.resolve('@redocly/cli/package.json');
const cli = join(dirname(cliPackage), JSON.parse(readFileSync(cliPackage, 'utf8')).bin.redocly);

/** The JSON pointer's members ("#/paths/~1api~1v1~1users/get" → ["paths", "/api/v1/users", "get"]). */
function members(pointer) {
  return pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map((m) => m.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The source file (relative to src/) that defines what the pointer points into. */
function sourceOf(pointer, doc, origins) {
  const [section, name, sub] = members(pointer);
  const value = section === 'paths' ? doc.paths?.[name] : section === 'components' && name === 'schemas' ? doc.components.schemas?.[sub] : undefined;
  return origins.get(value) ?? kBase;
}

function run() {
  const origins = new Map();
  const doc = mergedDocument({ origins });
  const dir = mkdtempSync(join(tmpdir(), 'hearth-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    const result = spawnSync(
      process.execPath,
      [cli, 'lint', file, `--config=${config}`, '--format=json', '--max-problems=100000', '--lint-config=error'],
      { cwd: web, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    let report;
    try {
      report = JSON.parse(result.stdout);
    } catch {
      report = undefined;
    }
    if (result.error || ![0, 1].includes(result.status) || !Array.isArray(report?.problems)) {
      // Redocly's own messages (a bad config, a crash) are on its stderr.
      process.stderr.write(result.stderr ?? '');
      console.error(`openapi lint: Redocly did not run as expected (${result.error?.message ?? `exit ${result.status}`})`);
      return 2;
    }
    for (const problem of report.problems) {
      const pointer = problem.location?.[0]?.pointer ?? '#';
      console.log(`${problem.severity} ${problem.ruleId}: src/${sourceOf(pointer, doc, origins)} ${pointer}`);
      console.log(`  ${problem.message}`);
    }
    const { errors = 0, warnings = 0 } = report.totals ?? {};
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).filter((k) => kMethods.has(k)).length, 0);
    console.log(
      `openapi lint: Redocly ${report.version} (web/redocly.yaml): ${errors} errors, ${warnings} warnings in ` +
        `${Object.keys(doc.paths).length} paths, ${operations} operations, ${Object.keys(doc.components.schemas).length} schemas`,
    );
    // Redocly exits 1 only for errors; a warning fails here too.
    return report.problems.length > 0 || errors > 0 || warnings > 0 || result.status !== 0 ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = run();
} catch (err) {
  console.error(`openapi lint: ${err.message}`);
  process.exitCode = 2;
}
