// Where the built site is, and a hard failure when it is not there.
//
// KLASTER_DIST points at the release build's output folder; by default it is
// <repo>/dist. The e2e tests never skip: a missing build is a failure.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (tests/e2e/lib -> ../../..). */
export const REPO_ROOT = path.resolve(here, '..', '..', '..');

/** The folder the tests serve: $KLASTER_DIST, else <repo>/dist. */
export function distDir() {
  const fromEnv = process.env.KLASTER_DIST;
  return fromEnv && fromEnv.trim() !== ''
    ? path.resolve(process.cwd(), fromEnv)
    : path.join(REPO_ROOT, 'dist');
}

/**
 * Return the dist folder, or throw when it has no index.html.
 * Call it from a `before` hook so every test of the file fails loudly.
 */
export function requireBuiltSite() {
  const dir = distDir();
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index) || !fs.statSync(index).isFile()) {
    throw new Error(
      `No built site: ${index} does not exist. ` +
        'run the release build first: cargo xtask build ' +
        '(or point KLASTER_DIST at a folder that holds the built index.html)',
    );
  }
  return dir;
}
