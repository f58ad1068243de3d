#!/usr/bin/env node
// Validates rendered Kubernetes manifests offline (no cluster, no network):
//
//   kubectl kustomize deploy/kubernetes/overlays/prod | node deploy/kubernetes/validate/validate.mjs
//   node deploy/kubernetes/validate/validate.mjs rendered.yaml [--json objects.json]
//
// Built-in kinds (Deployment, Service, PodDisruptionBudget, ...) are checked two ways against the Kubernetes OpenAPI
// schemas that the kubernetes-models package was generated from:
//   1. its validators: types, required fields, enums, formats (quantities, int-or-string);
//   2. the TypeScript compiler over the same generated types: every field name must exist (kubernetes-models'
//      validators let unknown fields through, as a lenient API server would prune them; a typo such as
//      `readinesProbe` must fail here instead of silently doing nothing on the cluster).
// Operator resources (RabbitmqCluster, CloudNativePG Cluster and Database) are checked against the hand-written
// SUBSET schemas in crd-schemas/, strict about unknown fields; the core types inside them (resources, affinity,
// metadata) are checked as built-in types. A kind with neither is an error, never a silent pass.
//
// --json FILE writes the parsed objects as a JSON array (tests/Deploy.Tests reads it).
// Exit code: 0 all valid, 1 something invalid, 2 could not run (usage, unreadable input, YAML syntax).

import { existsSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const here = path.dirname(fileURLToPath(import.meta.url));

function usage(message) {
  console.error(`validate: ${message}\nusage: validate.mjs [file.yaml ...] [--json out.json]   (stdin when no file)`);
  process.exit(2);
}

// ---- input ---------------------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
let jsonOut = null;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--json") {
    jsonOut = args[++i] ?? usage("--json needs a file name");
  } else if (args[i].startsWith("-")) {
    usage(`unknown option ${args[i]}`);
  } else {
    inputs.push(args[i]);
  }
}

const objects = []; // { obj, source }
for (const input of inputs.length ? inputs : ["-"]) {
  let text;
  try {
    text = readFileSync(input === "-" ? 0 : input, "utf8");
  } catch (e) {
    usage(`cannot read ${input}: ${e.message}`);
  }
  for (const doc of parseAllDocuments(text, { prettyErrors: true })) {
    if (doc.errors.length) {
      console.error(`validate: ${input}: YAML error: ${doc.errors[0].message}`);
      process.exit(2);
    }
    const obj = doc.toJS({ maxAliasCount: -1 });
    if (obj !== null && obj !== undefined) objects.push({ obj, source: input });
  }
}
if (objects.length === 0) usage("no Kubernetes objects in the input");

// ---- per-object checks ---------------------------------------------------------------------------------------------
const errors = [];
const label = (obj) => `${obj?.kind ?? "?"}/${obj?.metadata?.name ?? "?"}`;
const fail = (obj, message) => errors.push(`${label(obj)}: ${message}`);

const ajvMessages = (list) =>
  (list ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);

// kubernetes-models lays built-in kinds out as <apiVersion>/<Kind> (core group: v1/<Kind>), one module each.
function builtInModule(apiVersion, kind) {
  const specifier = `kubernetes-models/${apiVersion}/${kind}`;
  try {
    // Resolution maps the package's "./*" export to a file name without looking for the file.
    return existsSync(fileURLToPath(import.meta.resolve(specifier))) ? specifier : null;
  } catch {
    return null;
  }
}

async function validateWithModel(specifier, value) {
  const module = await import(specifier);
  const name = specifier.split("/").pop();
  const Model = module[name];
  try {
    // The model's validate() checks the data as given (defaults such as apiVersion are only filled in when absent).
    new Model(value).validate();
    return [];
  } catch (e) {
    return e.errors ? ajvMessages(e.errors) : [e.message];
  }
}

// CRD subset schemas, keyed by "<apiVersion>/<kind>".
const customSchemas = new Map();
for (const file of readdirSync(path.join(here, "crd-schemas")).filter((f) => f.endsWith(".json"))) {
  const schema = JSON.parse(readFileSync(path.join(here, "crd-schemas", file), "utf8"));
  customSchemas.set(`${schema.properties.apiVersion.const}/${schema.properties.kind.const}`, schema);
}

// "x-kubernetes-core-type": the sub-object is a built-in type (checked below, like a built-in kind).
const coreChecks = []; // { objectIndex, pointer, specifier, value }
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
let currentIndex = -1;
ajv.addKeyword({
  keyword: "x-kubernetes-core-type",
  schemaType: "string",
  validate(specifier, data, _schema, context) {
    coreChecks.push({ objectIndex: currentIndex, pointer: context.instancePath, specifier, value: data });
    return true;
  },
});
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const compiled = new Map([...customSchemas].map(([key, schema]) => [key, ajv.compile(schema)]));

const typeChecks = []; // { objectIndex, pointer, specifier, value } for the TypeScript pass
let builtIn = 0;
let custom = 0;
for (const [index, { obj }] of objects.entries()) {
  if (typeof obj !== "object" || Array.isArray(obj)) {
    errors.push(`document ${index + 1}: not a Kubernetes object`);
    continue;
  }
  if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
    fail(obj, "apiVersion and kind are required");
    continue;
  }
  if (typeof obj.metadata?.name !== "string" || obj.metadata.name === "") {
    fail(obj, "metadata.name is required");
  }
  const key = `${obj.apiVersion}/${obj.kind}`;
  const specifier = builtInModule(obj.apiVersion, obj.kind);
  if (specifier) {
    builtIn++;
    for (const message of await validateWithModel(specifier, obj)) fail(obj, message);
    typeChecks.push({ objectIndex: index, pointer: "", specifier, value: obj });
  } else if (compiled.has(key)) {
    custom++;
    currentIndex = index;
    const validate = compiled.get(key);
    if (!validate(obj)) for (const message of ajvMessages(validate.errors)) fail(obj, message);
  } else {
    fail(obj, `no schema for ${key}: neither a Kubernetes built-in kind nor one of crd-schemas/`);
  }
}
for (const check of coreChecks) {
  const obj = objects[check.objectIndex].obj;
  for (const message of await validateWithModel(check.specifier, check.value)) fail(obj, `${check.pointer}: ${message}`);
  typeChecks.push(check);
}

// ---- field names: the TypeScript compiler's excess-property check over the generated types -------------------------
function interfaceName(specifier) {
  return `I${specifier.split("/").pop()}`;
}
const lines = [];
const lineOwner = []; // line number -> typeChecks index
for (const [i, check] of typeChecks.entries()) {
  // A null field is an absent one to the API server (kubectl writes `creationTimestamp: null`); drop it here too.
  const literal = JSON.stringify(check.value, (_key, value) => (value === null ? undefined : value), 1);
  const text = `export const v${i}: import(${JSON.stringify(check.specifier)}).${interfaceName(check.specifier)} = ${literal};`;
  for (const _ of text.split("\n")) lineOwner.push(i);
  lines.push(text);
}
// Loaded only now: it is the slow part, and bad input has been turned away before it.
const { default: ts } = await import("typescript");
const virtualFile = path.join(here, "__rendered_manifests__.ts");
const source = lines.join("\n");
const options = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
  lib: ["lib.es5.d.ts"],
};
const host = ts.createCompilerHost(options);
const readSource = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, languageVersion, ...rest) =>
  path.resolve(fileName) === virtualFile
    ? ts.createSourceFile(fileName, source, languageVersion, true)
    : readSource(fileName, languageVersion, ...rest);
const fileExists = host.fileExists.bind(host);
host.fileExists = (fileName) => path.resolve(fileName) === virtualFile || fileExists(fileName);
const started = performance.now();
const program = ts.createProgram([virtualFile], options, host);
const diagnostics = ts.getPreEmitDiagnostics(program);
if (process.env.VALIDATE_TIMING) console.error(`type check: ${Math.round(performance.now() - started)} ms, ${program.getSourceFiles().length} files`);
for (const diagnostic of diagnostics) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  if (!diagnostic.file || path.resolve(diagnostic.file.fileName) !== virtualFile) {
    errors.push(`type check could not run: ${message}`);
    continue;
  }
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const check = typeChecks[lineOwner[line]];
  const where = check.pointer ? `${check.pointer}: ` : "";
  // Point at the offending member: the text of the line the compiler flagged.
  const at = source.split("\n")[line].trim().replace(/,$/, "");
  fail(objects[check.objectIndex].obj, `${where}${message} [at ${at}]`);
}

// ---- result --------------------------------------------------------------------------------------------------------
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(objects.map((o) => o.obj), null, 1));
const summary = `${objects.length} objects (${builtIn} built-in, ${custom} operator resources)`;
if (errors.length) {
  for (const e of [...new Set(errors)]) console.error(`INVALID ${e}`);
  console.error(`validate: ${summary}: ${new Set(errors).size} problem(s)`);
  process.exit(1);
}
console.log(`validate: ${summary}: all valid`);
