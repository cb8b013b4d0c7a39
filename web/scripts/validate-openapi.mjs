#!/usr/bin/env node
// Validates the server's OpenAPI document: the OpenAPI 3 JSON schema, then every $ref resolved.
//   node scripts/validate-openapi.mjs http://127.0.0.1:8080/api/v1/openapi.json
//   node scripts/validate-openapi.mjs path/to/openapi.json
// Prints one summary line and exits 0 when valid; prints the validator's errors and exits 1 when not.
import { readFile } from 'node:fs/promises';
import { Validator } from '@seriousme/openapi-schema-validator';

// Node 18 calls its fetch experimental and says so on stderr; keep every other warning.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /fetch/i.test(warning.message)) return;
  console.warn(`${warning.name}: ${warning.message}`);
});

const kMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function fail(message, details) {
  console.error(`openapi: ${message}`);
  if (details !== undefined) {
    console.error(typeof details === 'string' ? details : JSON.stringify(details, null, 2));
  }
  process.exit(1);
}

async function load(source) {
  if (/^https?:\/\//i.test(source)) {
    let response;
    try {
      response = await fetch(source, { headers: { accept: 'application/json' } });
    } catch (err) {
      fail(`cannot fetch ${source}: ${err?.cause?.message ?? err?.message ?? err}`);
    }
    if (!response.ok) fail(`GET ${source} answered ${response.status} ${response.statusText}`);
    return response.text();
  }
  try {
    return await readFile(source, 'utf8');
  } catch (err) {
    fail(`cannot read ${source}: ${err.message}`);
  }
}

/** Every "$ref" string in the document with the JSON path where it occurs. */
function collectRefs(node, path = '#', out = []) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => collectRefs(item, `${path}/${i}`, out));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push({ at: path, ref: value });
      else collectRefs(value, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
    }
  }
  return out;
}

/** Follows a local JSON pointer ("#/components/schemas/X"); undefined when it leads nowhere. */
function follow(document, ref) {
  if (!ref.startsWith('#')) return undefined;
  let node = document;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

const source = process.argv[2];
if (!source) fail('usage: node scripts/validate-openapi.mjs <URL or file of an OpenAPI document>');

const text = await load(source);
let document;
try {
  document = JSON.parse(text);
} catch (err) {
  fail(`${source} is not JSON: ${err.message}`);
}
if (typeof document?.openapi !== 'string' || !document.openapi.startsWith('3.')) {
  fail(`${source} is not an OpenAPI 3 document (openapi: ${JSON.stringify(document?.openapi)})`);
}

const validator = new Validator();
const result = await validator.validate(structuredClone(document));
if (!result.valid) fail(`invalid OpenAPI ${document.openapi} document ${source}`, result.errors);

// The validator checks the references too; say which ones lead nowhere, then resolve them all.
const refs = collectRefs(document);
const broken = refs.filter(({ ref }) => follow(document, ref) === undefined);
if (broken.length) {
  fail(`unresolvable $ref in ${source}`, broken.map(({ at, ref }) => `${at}: ${ref}`).join('\n'));
}
try {
  validator.resolveRefs({ specification: structuredClone(document) });
} catch (err) {
  fail(`cannot resolve the references of ${source}: ${err.message}`);
}

const paths = Object.entries(document.paths ?? {});
const operations = paths.reduce((n, [, item]) => n + Object.keys(item ?? {}).filter((k) => kMethods.has(k)).length, 0);
console.log(
  `openapi: valid OpenAPI ${document.openapi} document, ${paths.length} paths, ${operations} operations, ${refs.length} $refs resolved`,
);
