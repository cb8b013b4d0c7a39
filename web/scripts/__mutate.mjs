import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS from 'openapi-typescript';
const doc = JSON.parse(readFileSync('/tmp/oa/after.json', 'utf8'));
const [schema, from, to] = process.argv.slice(2);
const s = doc.components.schemas[schema];
const target = s.properties ? s : s.allOf.find((x) => x.properties);
if (to === '-enum') { target.properties[from].enum = target.properties[from].enum.slice(1); }
else {
  target.properties[to] = target.properties[from]; delete target.properties[from];
  if (target.required) target.required = target.required.map((r) => (r === from ? to : r));
}
writeFileSync('/work/main/web/src/shared/api/schema.d.ts', await openapiTS(doc, { exportType: false }));
