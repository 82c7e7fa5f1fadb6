import { gzipSync } from 'node:zlib';

/** Discord refuses uploads over 10 MiB on servers without boosts; keep a margin for the rest of the message. */
export const UPLOAD_LIMIT = 9 * 1024 * 1024;

/**
 * The export as the file to attach: the CSV itself when it fits Discord's upload limit, else the same
 * CSV gzip-compressed (a ticket CSV shrinks about tenfold); null when even that is too large.
 */
export function exportFile(
	csv: string,
	baseName: string,
	limit = UPLOAD_LIMIT
): { name: string; data: Buffer; compressed: boolean } | null {
	const data = Buffer.from(csv, 'utf8');
	if (data.length <= limit) return { name: `${baseName}.csv`, data, compressed: false };
	const compressed = gzipSync(data, { level: 9 });
	return compressed.length <= limit ? { name: `${baseName}.csv.gz`, data: compressed, compressed: true } : null;
}
