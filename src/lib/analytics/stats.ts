/** Summary statistics over durations or counts: plain functions, unit-tested. */

export interface Summary {
	count: number;
	average: number;
	median: number;
	p95: number;
}

/** The nearest-rank percentile (p in 0..100) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(values: readonly number[]): Summary | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return {
		count: sorted.length,
		average: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
		median: percentile(sorted, 50),
		p95: percentile(sorted, 95)
	};
}

const DAY_MS = 86_400_000;

/** The UTC day of a date, as YYYY-MM-DD. */
export function utcDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** How many dates fall on each of the last `days` UTC days up to `now`, oldest first (days without any count 0). */
export function dailyCounts(dates: readonly Date[], days: number, now = new Date()): { day: string; count: number }[] {
	const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
	const buckets = Array.from({ length: days }, (_, index) => ({
		day: utcDay(new Date(today - (days - 1 - index) * DAY_MS)),
		count: 0
	}));
	const byDay = new Map(buckets.map((bucket) => [bucket.day, bucket]));
	for (const date of dates) {
		const bucket = byDay.get(utcDay(date));
		if (bucket) bucket.count++;
	}
	return buckets;
}

const BARS = '▁▂▃▄▅▆▇█';

/** Counts as a one-line bar chart: the tallest day is a full block, an empty day the lowest. */
export function sparkline(counts: readonly number[]): string {
	const max = Math.max(0, ...counts);
	return counts.map((count) => (max === 0 ? BARS[0] : BARS[Math.round((count / max) * (BARS.length - 1))])).join('');
}

/** A spreadsheet cell: quoted when needed, and never read as a formula (=, +, -, @ at the start). */
export function csvCell(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'string') return String(value);
	let text = value;
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
