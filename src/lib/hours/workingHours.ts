/**
 * A category's working hours: a time zone, weekly opening times and closed days, as an admin types them:
 *
 *     Europe/Paris; mon-fri 09:00-12:00 13:00-17:30; sat 10:00-14:00; closed 2026-12-25 2027-01-01
 *
 * Days are mon … sun, alone, as ranges (mon-fri) or lists (sat,sun); times are 24-hour, 24:00 ends a
 * day. SLA clocks count only the minutes inside these hours (daylight saving time included, by the time
 * zone's own rules), and the bot says when staff will next answer.
 */

export interface WorkingHours {
	readonly timeZone: string;
	/** Opening intervals per weekday (0 Sunday … 6 Saturday), in minutes after local midnight. */
	readonly week: readonly (readonly (readonly [number, number])[])[];
	/** Local dates with no opening (YYYY-MM-DD). */
	readonly closed: ReadonlySet<string>;
}

/** Why a typed schedule is refused: a word for the admin, with the part that is wrong. */
export class WorkingHoursError extends Error {
	public override readonly name = 'WorkingHoursError';
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CLOSED_DAYS = 100;

function minutesOf(text: string): number {
	const match = TIME.exec(text);
	const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
	if (!match || minutes > 24 * 60) throw new WorkingHoursError(text);
	return minutes;
}

function daysOf(text: string): number[] {
	const days = new Set<number>();
	for (const part of text.split(',')) {
		const [from, to = from] = part.split('-');
		const start = DAYS.indexOf(from as (typeof DAYS)[number]);
		const end = DAYS.indexOf(to as (typeof DAYS)[number]);
		if (start < 0 || end < 0) throw new WorkingHoursError(part);
		// mon-fri, and sat-sun or fri-mon across the week's end.
		for (let day = start; ; day = (day + 1) % 7) {
			days.add(day);
			if (day === end) break;
		}
	}
	return [...days];
}

/** Reads a schedule (see above); throws WorkingHoursError naming the part it cannot read. */
export function parseWorkingHours(text: string): WorkingHours {
	const [zonePart, ...parts] = text
		.split(';')
		.map((part) => part.trim())
		.filter(Boolean);
	const timeZone = zonePart ?? '';
	try {
		new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
	} catch {
		throw new WorkingHoursError(timeZone || text);
	}
	const week: [number, number][][] = DAYS.map(() => []);
	const closed = new Set<string>();
	for (const part of parts) {
		const [head, ...rest] = part.toLowerCase().split(/\s+/);
		if (head === 'closed') {
			for (const date of rest.flatMap((word) => word.split(',')).filter(Boolean)) {
				if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new WorkingHoursError(date);
				closed.add(date);
			}
			continue;
		}
		if (rest.length === 0) throw new WorkingHoursError(part);
		const days = daysOf(head!);
		for (const range of rest) {
			const [from, to] = range.split('-');
			if (!from || !to) throw new WorkingHoursError(range);
			const start = minutesOf(from);
			const end = minutesOf(to);
			if (end <= start) throw new WorkingHoursError(range);
			for (const day of days) week[day]!.push([start, end]);
		}
	}
	if (week.every((intervals) => intervals.length === 0)) throw new WorkingHoursError(text);
	if (closed.size > MAX_CLOSED_DAYS) throw new WorkingHoursError('closed');
	for (const intervals of week) {
		intervals.sort((a, b) => a[0] - b[0]);
		for (let index = 1; index < intervals.length; index++)
			if (intervals[index]![0] < intervals[index - 1]![1]) throw new WorkingHoursError(formatRange(intervals[index]!));
	}
	return { timeZone, week, closed };
}

const pad = (value: number) => String(value).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const formatRange = ([start, end]: readonly [number, number]) => `${clock(start)}-${clock(end)}`;

/** The schedule written back the way it is read: what is stored, and what admins and members are shown. */
export function formatWorkingHours(hours: WorkingHours): string {
	const groups = new Map<string, number[]>();
	for (const day of [1, 2, 3, 4, 5, 6, 0]) {
		const ranges = hours.week[day]!.map(formatRange).join(' ');
		if (ranges) groups.set(ranges, [...(groups.get(ranges) ?? []), day]);
	}
	const parts = [...groups].map(([ranges, days]) => `${dayList(days)} ${ranges}`);
	if (hours.closed.size) parts.push(`closed ${[...hours.closed].sort().join(' ')}`);
	return [hours.timeZone, ...parts].join('; ');
}

/** mon,tue,wed → mon-wed; runs in the week's order (mon … sun). */
function dayList(days: number[]): string {
	const order = days.map((day) => (day + 6) % 7).sort((a, b) => a - b);
	const runs: [number, number][] = [];
	for (const day of order) {
		const last = runs.at(-1);
		if (last && last[1] === day - 1) last[1] = day;
		else runs.push([day, day]);
	}
	const name = (index: number) => DAYS[(index + 1) % 7]!;
	return runs.map(([from, to]) => (from === to ? name(from) : `${name(from)}-${name(to)}`)).join(',');
}

interface LocalDay {
	year: number;
	month: number;
	day: number;
	weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			weekday: 'short'
		});
		formatters.set(timeZone, format);
	}
	return format;
}

/** The wall clock of the time zone at an instant, as if it were UTC (to read its date and offset). */
function localParts(instant: number, timeZone: string): { asUtc: number; day: LocalDay } {
	const parts = Object.fromEntries(
		formatter(timeZone)
			.formatToParts(instant)
			.map((part) => [part.type, part.value])
	);
	const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
	const asUtc = Date.UTC(year, month - 1, day, Number(parts.hour), Number(parts.minute), Number(parts.second));
	const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
	return { asUtc, day: { year, month, day, weekday } };
}

/** The instant of a local wall-clock time (minutes after local midnight of that day) in the time zone. */
function instantOf(day: LocalDay, minutes: number, timeZone: string): number {
	const wall = Date.UTC(day.year, day.month - 1, day.day) + minutes * 60_000;
	let guess = wall;
	// Two rounds settle the offset, on both sides of a daylight saving change.
	for (let round = 0; round < 2; round++) guess = wall - (localParts(guess, timeZone).asUtc - guess);
	return guess;
}

const dateKey = (day: LocalDay) => `${day.year}-${pad(day.month)}-${pad(day.day)}`;

/** The next local day (by the calendar, whatever the offset). */
function nextDay(day: LocalDay): LocalDay {
	const date = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** The opening intervals from an instant on, as instants, in order, for at most `days` local days. */
function* openings(hours: WorkingHours, from: number, days = 400): Generator<[number, number]> {
	let day = localParts(from, hours.timeZone).day;
	for (let count = 0; count < days; count++, day = nextDay(day)) {
		if (hours.closed.has(dateKey(day))) continue;
		for (const [start, end] of hours.week[day.weekday]!) {
			const interval: [number, number] = [instantOf(day, start, hours.timeZone), instantOf(day, end, hours.timeZone)];
			if (interval[1] > from) yield [Math.max(interval[0], from), interval[1]];
		}
	}
}

/** Whether staff are working at this instant. */
export function isWorking(hours: WorkingHours, at: Date): boolean {
	const next = openings(hours, at.getTime(), 2).next();
	return !next.done && next.value[0] <= at.getTime();
}

/** When staff next work: now when they do, else the next opening (null when none in a year). */
export function nextOpening(hours: WorkingHours, at: Date): Date | null {
	const next = openings(hours, at.getTime()).next();
	return next.done ? null : new Date(next.value[0]);
}

/**
 * The instant when `minutes` of working time have passed since `from` (an SLA's due time); without hours,
 * plain time. Null when the schedule has no such time within a year (closed days fill it).
 */
export function addWorkingMinutes(hours: WorkingHours | null, from: Date, minutes: number): Date | null {
	if (!hours) return new Date(from.getTime() + minutes * 60_000);
	let left = minutes * 60_000;
	for (const [start, end] of openings(hours, from.getTime())) {
		if (end - start >= left) return new Date(start + left);
		left -= end - start;
	}
	return null;
}
