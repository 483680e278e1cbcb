#!/usr/bin/env node
/**
 * The `labelkit` command line:
 *
 *   labelkit convert --from coco --to yolo <input> <output> [--schema schema.json] [options]
 *   labelkit validate <input> --format coco [--schema schema.json] [options]
 *   labelkit formats
 *
 * Inputs that span several files (YOLO, VOC, brat, MOT) are directories; so are their outputs. Exit codes:
 * 0 done, 1 invalid input (every problem is printed with its place), 2 bad usage or unreadable files.
 */
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineSchema, SchemaError, type LabelSchema } from '@labelkit/core';
import { FormatError, type Dataset, type FormatLoss } from './dataset.js';
import { validateDataset } from './validate-dataset.js';
import { formats } from './registry.js';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

/** Formats whose input and output are several files (a directory). */
const DIRECTORY_FORMATS = new Set(['yolo', 'voc', 'brat', 'mot', 'kitti']);
/** Formats that decode bytes themselves (encodings other than UTF-8). */
const BYTE_FORMATS = new Set(['textGrid']);
/** Binary media never read as annotation files. */
const MEDIA_EXT = /\.(jpe?g|png|bmp|gif|tiff?|webp|wav|mp3|flac|ogg|mp4|webm|avi|mov|pcd|bin|ply|zip|gz)$/i;

const USAGE = `Usage:
  labelkit convert --from <format> --to <format> <input> <output> [options]
  labelkit validate <input> --format <format> [options]
  labelkit formats

Options:
  --schema <file>       labels to map to: a labelkit file or { "labels": [...] } (unknown labels are errors)
  --config <file>       Label Studio labeling config XML (labelStudio)
  --data-yaml <file>    YOLO data.yaml (class names, kpt_shape)
  --width <px> --height <px>   image size for every image (yolo)
  --images <file>       JSON { "<file>": { "width": w, "height": h } } (yolo, w3c)
  --task <task>         YOLO rows: detect, segment, pose or obb
  --option <key=value>  any other parse/serialize option (value read as JSON when it parses)
  -h, --help            this help
Directories are read for multi-file formats (yolo, voc, brat, mot, kitti) and written for their output;
a MOT gt/gt.txt is read with its sequence (seqinfo.ini, labels.txt).
`;

class UsageError extends Error {}

interface Parsed {
  command: string;
  positional: string[];
  flags: Map<string, string[]>;
}

function parseArgs(argv: string[]): Parsed {
  // `labelkit --help` asks for help, not for a command called "--help".
  const [command = '', ...rest] = argv[0] === '-h' || argv[0] === '--help' ? ['help', ...argv.slice(1)] : argv;
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const takesValue = new Set(['from', 'to', 'format', 'schema', 'config', 'data-yaml', 'width', 'height', 'images', 'task', 'option']);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '-h' || a === '--help') {
      flags.set('help', ['']);
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (!takesValue.has(name)) throw new UsageError(`unknown option --${name}`);
      const value = eq > 0 ? a.slice(eq + 1) : rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else positional.push(a);
  }
  return { command, positional, flags };
}

function one(p: Parsed, name: string): string | undefined {
  return p.flags.get(name)?.at(-1);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

/** Every annotation file under `dir`, as relative path → text. */
function readDirectory(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!MEDIA_EXT.test(name)) out[path.relative(dir, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function readInput(format: string, file: string): unknown {
  if (!existsSync(file)) throw new UsageError(`no such file or directory: ${file}`);
  const isDir = statSync(file).isDirectory();
  if (isDir) {
    if (!DIRECTORY_FORMATS.has(format)) throw new UsageError(`${format} reads one file; ${file} is a directory`);
    return readDirectory(file);
  }
  if (BYTE_FORMATS.has(format)) return new Uint8Array(readFileSync(file));
  const text = readText(file);
  if (format === 'brat') {
    // A .ann file with its .txt next to it.
    const stem = file.replace(/\.(ann|txt)$/i, '');
    const base = path.basename(stem);
    const rec: Record<string, string> = {};
    if (existsSync(`${stem}.ann`)) rec[`${base}.ann`] = readText(`${stem}.ann`);
    if (existsSync(`${stem}.txt`)) rec[`${base}.txt`] = readText(`${stem}.txt`);
    return rec;
  }
  if (format === 'voc') return { [path.basename(file)]: text };
  // A MOT gt/gt.txt belongs to its sequence directory (seqinfo.ini, labels.txt beside it).
  if (format === 'mot' && /(^|[\\/])gt[\\/]gt\.txt$/.test(file)) return readDirectory(path.dirname(path.dirname(path.resolve(file))));
  return text;
}

function writeOutput(output: unknown, target: string): string[] {
  if (typeof output === 'string') {
    mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    writeFileSync(target, output);
    return [target];
  }
  const written: string[] = [];
  for (const [name, text] of Object.entries(output as Record<string, string>)) {
    const p = path.join(target, ...name.split('/'));
    if (!path.resolve(p).startsWith(path.resolve(target))) throw new UsageError(`refusing to write outside ${target}: ${name}`);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
    written.push(p);
  }
  return written;
}

function loadSchema(file: string): LabelSchema {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file} is not JSON: ${(e as Error).message}`);
  }
  const input = json && typeof json === 'object' && 'labelkit' in json ? (json as unknown as { schema: unknown }).schema : json;
  try {
    return defineSchema(input as never);
  } catch (e) {
    if (e instanceof SchemaError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}

/** Parse options from the flags (only those the format understands are used by it). */
function optionsFrom(p: Parsed, format: string): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const schema = one(p, 'schema');
  if (schema) o.schema = loadSchema(schema);
  const config = one(p, 'config');
  if (config) o.config = readText(config);
  const dataYaml = one(p, 'data-yaml');
  if (dataYaml) o.dataYaml = readText(dataYaml);
  for (const k of ['width', 'height'] as const) {
    const v = one(p, k);
    if (v !== undefined) {
      const n = Number(v);
      if (!(n > 0)) throw new UsageError(`--${k} must be a positive number, got "${v}"`);
      o[k] = n;
    }
  }
  const images = one(p, 'images');
  if (images) {
    try {
      o.images = JSON.parse(readText(images));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${images} is not JSON: ${(e as Error).message}`);
    }
  }
  const task = one(p, 'task');
  if (task) o.task = task;
  for (const kv of p.flags.get('option') ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--option needs key=value, got "${kv}"`);
    const raw = kv.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      /* a plain string */
    }
    o[kv.slice(0, eq)] = value;
  }
  void format;
  return o;
}

function pickFormat(name: string | undefined, flag: string): string {
  if (!name) throw new UsageError(`--${flag} is required`);
  if (!formats[name]) {
    const near = Object.keys(formats).find((f) => f.toLowerCase() === name.toLowerCase());
    throw new UsageError(`unknown format "${name}"${near ? ` (did you mean "${near}"?)` : ''}; known: ${Object.keys(formats).join(', ')}`);
  }
  return name;
}

function printNotes(io: CliIo, title: string, notes: readonly FormatLoss[]): void {
  if (!notes.length) return;
  io.err(`${title} (${notes.length}):\n`);
  for (const n of notes.slice(0, 50)) io.err(`  ${n.path}: ${n.message}\n`);
  if (notes.length > 50) io.err(`  ... and ${notes.length - 50} more\n`);
}

/** Parsed files must also satisfy labelkit's model (core validation), or nothing is converted. */
function assertValidDataset(format: string, dataset: Dataset): void {
  const issues = validateDataset(dataset);
  if (issues.length) throw new FormatError(format, issues);
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const p = parseArgs(argv);
    if (p.flags.has('help') || p.command === '' || p.command === 'help') {
      io.out(USAGE);
      return p.command === '' && !p.flags.has('help') ? 2 : 0;
    }
    if (p.command === 'formats') {
      io.out(`${Object.keys(formats).join('\n')}\n`);
      return 0;
    }
    if (p.command === 'convert') {
      const from = pickFormat(one(p, 'from'), 'from');
      const to = pickFormat(one(p, 'to'), 'to');
      if (p.positional.length !== 2) throw new UsageError('convert needs <input> and <output>');
      const [input, output] = p.positional as [string, string];
      const options = optionsFrom(p, from);
      const { dataset, warnings } = formats[from]!.parse(readInput(from, input), options);
      printNotes(io, 'warnings', warnings);
      assertValidDataset(from, dataset);
      const { output: out, losses } = formats[to]!.serialize(dataset, options);
      printNotes(io, `not carried by ${to}`, losses);
      const written = writeOutput(out, output);
      const n = dataset.items.reduce((s, it) => s + it.annotations.length, 0);
      io.out(`converted ${dataset.items.length} item(s), ${n} annotation(s) from ${from} to ${to}: ${written.length} file(s) written to ${output}\n`);
      return 0;
    }
    if (p.command === 'validate') {
      const format = pickFormat(one(p, 'format'), 'format');
      if (p.positional.length !== 1) throw new UsageError('validate needs one <input>');
      const { dataset, warnings } = formats[format]!.parse(readInput(format, p.positional[0]!), optionsFrom(p, format));
      printNotes(io, 'warnings', warnings);
      assertValidDataset(format, dataset);
      const n = dataset.items.reduce((s, it) => s + it.annotations.length, 0);
      io.out(`valid ${format}: ${dataset.items.length} item(s), ${n} annotation(s), ${dataset.schema.labels.length} label(s)\n`);
      return 0;
    }
    throw new UsageError(`unknown command "${p.command}"`);
  } catch (e) {
    if (e instanceof FormatError) {
      io.err(`${e.message}\n`);
      return 1;
    }
    if (e instanceof UsageError) {
      io.err(`labelkit: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

function isEntry(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`labelkit: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(3);
    },
  );
}
