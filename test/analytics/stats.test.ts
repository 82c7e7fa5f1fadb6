import { describe, expect, it } from 'vitest';
import { csvCell, dailyCounts, percentile, sparkline, summarize } from '../../src/lib/analytics/stats.js';

describe('analytics statistics', () => {
	it('summarizes with nearest-rank percentiles', () => {
		expect(summarize([])).toBeNull();
		expect(summarize([30, 10, 20])).toEqual({ count: 3, average: 20, median: 20, p95: 30 });
		const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
		expect(percentile(hundred, 95)).toBe(95);
		expect(percentile(hundred, 50)).toBe(50);
		expect(percentile([7], 95)).toBe(7);
	});

	it('counts per UTC day, oldest first, with empty days', () => {
		const now = new Date('2026-11-30T10:00:00Z');
		const counts = dailyCounts(
			[
				new Date('2026-11-30T00:00:01Z'),
				new Date('2026-11-30T09:00:00Z'),
				new Date('2026-11-28T23:59:59Z'),
				new Date('2026-11-01T00:00:00Z')
			],
			3,
			now
		);
		expect(counts).toEqual([
			{ day: '2026-11-28', count: 1 },
			{ day: '2026-11-29', count: 0 },
			{ day: '2026-11-30', count: 2 }
		]);
	});

	it('draws a sparkline scaled to the busiest day', () => {
		expect(sparkline([0, 0])).toBe('▁▁');
		expect(sparkline([0, 4, 8])).toBe('▁▅█');
	});

	it('writes CSV cells that a spreadsheet neither splits nor runs', () => {
		expect(csvCell(null)).toBe('');
		expect(csvCell(42)).toBe('42');
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
		for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])
			expect(csvCell(formula).startsWith("'") || csvCell(formula).startsWith('"\'')).toBe(true);
	});
});

describe('the export file', () => {
	it('attaches the CSV as it is while it fits, gzip-compressed past the limit, and nothing when even that is too big', async () => {
		const { gunzipSync } = await import('node:zlib');
		const { randomBytes } = await import('node:crypto');
		const { exportFile } = await import('../../src/lib/analytics/exportFile.js');
		const csv = 'number,status\r\n' + Array.from({ length: 2000 }, (_, index) => `${index + 1},closed`).join('\r\n');
		expect(exportFile(csv, 'tickets', 1_000_000)).toMatchObject({ name: 'tickets.csv', compressed: false });
		const squeezed = exportFile(csv, 'tickets', 10_000)!;
		expect(squeezed).toMatchObject({ name: 'tickets.csv.gz', compressed: true });
		expect(gunzipSync(squeezed.data).toString('utf8')).toBe(csv);
		expect(exportFile(randomBytes(50_000).toString('base64'), 'tickets', 10_000)).toBeNull();
	});
});
