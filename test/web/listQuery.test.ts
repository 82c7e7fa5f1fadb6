import { describe, expect, it } from 'vitest';
import { listForm, listLink, listQuery } from '../../src/web/listQuery.js';

const READER = '800000000000000031';

describe("the dashboard list's filters", () => {
	it('turns the form into the list query, ignoring what the list does not know', () => {
		const form = listForm({
			status: 'open',
			category: '3',
			priority: 'urgent',
			claimer: 'me',
			opener: '800000000000000032',
			from: '2026-11-01',
			before: '2026-11-30',
			page: '2',
			extra: 'dropped'
		});
		expect(listQuery(form, READER)).toEqual({
			page: 1,
			status: 1,
			categoryId: 3,
			userId: '800000000000000032',
			more: {
				priority: 'urgent',
				claimedById: READER,
				openedFrom: new Date('2026-11-01T00:00:00Z'),
				openedBefore: new Date('2026-12-01T00:00:00Z')
			}
		});
		const junk = listForm({
			status: 'weird',
			category: '1; drop',
			priority: 'meh',
			claimer: 'x',
			opener: '12',
			from: '2026-13-45',
			page: '-4'
		});
		expect(listQuery(junk, READER)).toEqual({
			page: 0,
			status: 0,
			categoryId: 0,
			userId: '0',
			more: { priority: undefined, claimedById: undefined, openedFrom: undefined, openedBefore: undefined }
		});
		expect(listForm({ status: ['open'] }).status).toBe('');
	});

	it('keeps the filters in the page links and leaves empty ones out', () => {
		const form = listForm({ status: 'closed', priority: 'high' });
		expect(listLink('900000000000000031', form, { page: '3' })).toBe('/g/900000000000000031?status=closed&priority=high&page=3');
		expect(listLink('900000000000000031', listForm({}))).toBe('/g/900000000000000031');
	});
});
