#!/usr/bin/env node
/**
 * Splits the low-overlap questions (all.jsonl) into the development part (../low-overlap-dev) and the held-out part
 * (../low-overlap-heldout): stratified by expected entry (out of scope is one stratum), 40 % development, random with a
 * fixed seed, so running it again writes the same two files. Every stratum of two or more questions keeps at least one
 * on each side. Usage: node knowledge-base/eval/low-overlap/split.mjs [--check]
 * (--check exits 1 when the committed files differ from what the split writes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = 20261130;
const DEV_SHARE = 0.4;

/** mulberry32: a small deterministic generator in [0, 1). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const lines = readFileSync(join(HERE, 'all.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
const rows = lines.map((line, index) => ({ index, line, id: JSON.parse(line).id }));
const strata = new Map();
for (const row of rows) {
  const key = row.id ?? '(out of scope)';
  if (!strata.has(key)) strata.set(key, []);
  strata.get(key).push(row);
}

const next = random(SEED);
const dev = new Set();
let carry = 0;
for (const key of [...strata.keys()].sort()) {
  const group = strata.get(key);
  // Fisher–Yates with the seeded generator.
  for (let i = group.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [group[i], group[j]] = [group[j], group[i]];
  }
  const exact = group.length * DEV_SHARE + carry;
  let take = Math.round(exact);
  if (group.length >= 2) take = Math.min(Math.max(take, 1), group.length - 1);
  else take = Math.min(take, group.length);
  carry = exact - take;
  for (const row of group.slice(0, take)) dev.add(row.index);
}

const write = (folder, keep) => {
  const text = rows.filter(keep).map((r) => r.line).join('\n') + '\n';
  const file = join(HERE, '..', folder, 'queries.jsonl');
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error(`${file} differs from the split`);
      process.exitCode = 1;
    }
  } else writeFileSync(file, text);
  return text.split('\n').length - 1;
};
const nDev = write('low-overlap-dev', (r) => dev.has(r.index));
const nHeld = write('low-overlap-heldout', (r) => !dev.has(r.index));
console.log(`development ${nDev}, held-out ${nHeld}`);
