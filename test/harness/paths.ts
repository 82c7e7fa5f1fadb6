import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SOURCE_DIRECTORY = join(PROJECT_ROOT, 'src');
/** Test-only pieces that exercise every kind of Discord round trip. */
export const PROBE_PIECES = join(PROJECT_ROOT, 'test', 'harness', 'probe');
