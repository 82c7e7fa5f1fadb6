import { describe, expect, it } from 'vitest';
import {
	addWorkingMinutes,
	formatWorkingHours,
	isWorking,
	nextOpening,
	parseWorkingHours,
	WorkingHoursError
} from '../../src/lib/hours/workingHours.js';

const paris = parseWorkingHours('Europe/Paris; mon-fri 09:00-12:00 13:00-17:00; sat 10:00-12:00; closed 2026-12-25');

describe('working hours', () => {
	it('reads a schedule and writes it back the same way', () => {
		expect(formatWorkingHours(paris)).toBe('Europe/Paris; mon-fri 09:00-12:00 13:00-17:00; sat 10:00-12:00; closed 2026-12-25');
		expect(formatWorkingHours(parseWorkingHours('UTC; SAT,SUN 10:00-24:00; fri-mon 08:00-09:00'))).toBe(
			'UTC; mon,fri 08:00-09:00; sat-sun 08:00-09:00 10:00-24:00'
		);
	});

	it('refuses what it cannot read, naming the part', () => {
		for (const [text, part] of [
			['Mars/Olympus; mon 09:00-17:00', 'Mars/Olympus'],
			['UTC; funday 09:00-17:00', 'funday'],
			['UTC; mon 17:00-09:00', '17:00-09:00'],
			['UTC; mon 09:00-25:00', '25:00'],
			['UTC; mon 09:00-12:00 11:00-13:00', '11:00-13:00'],
			['UTC; closed 2026-02-30x', '2026-02-30x']
		]) {
			expect(() => parseWorkingHours(text!), text).toThrow(WorkingHoursError);
			expect(() => parseWorkingHours(text!), text).toThrow(part);
		}
		expect(() => parseWorkingHours('UTC')).toThrow(WorkingHoursError);
	});

	it('knows when staff work, and when they next do, in the time zone', () => {
		// Tuesday 2026-12-01: Paris is UTC+1.
		expect(isWorking(paris, new Date('2026-12-01T08:30:00Z'))).toBe(true);
		expect(isWorking(paris, new Date('2026-12-01T11:30:00Z'))).toBe(false);
		expect(nextOpening(paris, new Date('2026-12-01T11:30:00Z'))).toEqual(new Date('2026-12-01T12:00:00Z'));
		// Friday evening: Saturday 10:00 local.
		expect(nextOpening(paris, new Date('2026-12-04T17:00:00Z'))).toEqual(new Date('2026-12-05T09:00:00Z'));
		// Christmas (a Friday) is closed: the Saturday after.
		expect(nextOpening(paris, new Date('2026-12-24T20:00:00Z'))).toEqual(new Date('2026-12-26T09:00:00Z'));
	});

	it('counts working minutes only, across lunch, nights, weekends and daylight saving time', () => {
		// 2 h from Tuesday 11:00 local: 1 h before lunch, 1 h after.
		expect(addWorkingMinutes(paris, new Date('2026-12-01T10:00:00Z'), 120)).toEqual(new Date('2026-12-01T13:00:00Z'));
		// 3 h from Saturday 11:00 local: 1 h Saturday, then Monday 09:00 + 2 h.
		expect(addWorkingMinutes(paris, new Date('2026-12-05T10:00:00Z'), 180)).toEqual(new Date('2026-12-07T10:00:00Z'));
		// Paris moves to UTC+2 on 2027-03-28: Monday 29th 09:00 local is 07:00 UTC.
		expect(addWorkingMinutes(paris, new Date('2027-03-27T12:00:00Z'), 30)).toEqual(new Date('2027-03-29T07:30:00Z'));
		expect(addWorkingMinutes(null, new Date('2026-12-01T10:00:00Z'), 90)).toEqual(new Date('2026-12-01T11:30:00Z'));
	});
});
