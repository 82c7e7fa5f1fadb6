import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../src/lib/chat/customIds.js';

describe('custom IDs', () => {
	it('round-trips every kind, versioned and short', () => {
		for (const id of [
			{ kind: 'panelButton', panelId: 3, categoryId: 12 },
			{ kind: 'panelMenu', panelId: 3 },
			{ kind: 'creationForm', panelId: 0, categoryId: 999_999_999_999 },
			{ kind: 'captchaButton', panelId: 1, categoryId: 2 },
			{ kind: 'captchaForm', panelId: 1, categoryId: 2 },
			{ kind: 'claimButton', ticketId: 7 },
			{ kind: 'closeButton', ticketId: 7 },
			{ kind: 'closeForm', ticketId: 7 },
			{ kind: 'rateButton', ticketId: 7, stars: 5 },
			{ kind: 'ratingForm', ticketId: 7, stars: 1 },
			{ kind: 'purgeButton', ticketId: 7 },
			{ kind: 'listPage', page: 2, status: 1, categoryId: 4, userId: '0', ownerId: '223456789012345678' },
			{
				kind: 'listPage',
				page: 9999,
				status: 3,
				categoryId: 999_999_999_999,
				userId: '12345678901234567890',
				ownerId: '223456789012345678'
			},
			{ kind: 'securityPage', page: 0, type: 0, userId: '0', ownerId: '223456789012345678' },
			{ kind: 'securityPage', page: 12, type: 2, userId: '123456789012345678', ownerId: '223456789012345678' },
			{ kind: 'setupControl', step: 4, control: 9 }
		] as const) {
			const encoded = encodeCustomId(id);
			expect(encoded.startsWith('t1:')).toBe(true);
			expect(encoded.length).toBeLessThanOrEqual(100);
			expect(decodeCustomId(encoded)).toEqual(id);
		}
	});

	it('refuses anything it did not write', () => {
		for (const raw of [
			'',
			'open:1:2',
			't2:open:1:2',
			't1:open:1',
			't1:pick:1:2',
			't1:open:-1:2',
			't1:open:1:2:3',
			't1:open:1:2x',
			't1:claim:1:2',
			't1:rate:1:6',
			't1:rate:1:0',
			't1:delete:1:2',
			't1:purge:1:2',
			't1:list:1:0:0',
			't1:list:1:4:0:0',
			't1:list:1:0:0:123',
			't1:list:12345:0:0:0',
			`t1:open:${'9'.repeat(13)}:1`
		]) {
			expect(decodeCustomId(raw), raw).toBeNull();
		}
	});
});
