// The recordings the end-to-end and engine tests replay: the in-repo copies
// (tests/data/stepdata/), else the shared data set beside the repository.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const ROOT = new URL('../', import.meta.url).pathname;
const DATA_DIRS = [join(ROOT, 'tests/data/stepdata/oxford/validation'), join(ROOT, '../shared/stepdata/oxford/validation')];
/** The in-repo copy of a recording's file, else the shared data set's. */
export const dataFile = (file) => DATA_DIRS.map((d) => join(d, file)).find(existsSync) ?? join(DATA_DIRS[1], file);

/** The first `seconds` of a recording: the CSV header line and rows of (t, x, y, z). */
export function recordingRows(name, seconds) {
  const lines = gunzipSync(readFileSync(dataFile(`${name}.csv.gz`))).toString('utf8').trim().split('\n');
  const rows = lines
    .slice(1)
    .map((l) => l.split(',').map(Number))
    .filter((r) => r.length === 4 && r.every(Number.isFinite) && r[0] <= seconds);
  return { header: lines[0], rows };
}

/** Steps in the recording's ground truth within its first `seconds`. */
export function truthSteps(name, seconds) {
  return readFileSync(dataFile(`${name}.steps`), 'utf8')
    .split('\n')
    .map(Number)
    .filter((t) => t > 0 && t <= seconds).length;
}
