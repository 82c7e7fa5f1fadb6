import { describe, expect, it } from 'vitest';
import { channelPatternProblem, ticketChannelName } from '../../src/lib/text/channelName.js';

const parts = { number: 42, username: 'alice', category: 'billing', anonymous: false };

describe('ticket channel names', () => {
	it('fills the pattern and pads the number', () => {
		expect(ticketChannelName('ticket-{number}', parts)).toBe('ticket-0042');
		expect(ticketChannelName('{category}-{username}-{number}', parts)).toBe('billing-alice-0042');
	});

	it('turns unicode, emoji, mentions and symbols into a valid Discord name', () => {
		expect(ticketChannelName('{username}-{number}', { ...parts, username: 'Zoë Ñandú 🎉' })).toBe('zoe-nandu-0042');
		expect(ticketChannelName('{username}-{number}', { ...parts, username: '<@123456789012345678> @everyone' })).toBe(
			'everyone-0042'
		);
		expect(ticketChannelName('{username}-{number}', { ...parts, username: '🎉🎉🎉' })).toBe('0042');
		expect(ticketChannelName('Help Desk #{number}!', parts)).toBe('help-desk-0042');
	});

	it('stays within 100 characters and keeps the number', () => {
		const name = ticketChannelName('{username}-{number}-{category}', {
			...parts,
			username: 'x'.repeat(300),
			category: 'y'.repeat(300)
		});
		expect(name.length).toBeLessThanOrEqual(100);
		expect(name).toContain('0042');
		expect(name).toMatch(/^[a-z0-9_-]+$/);
	});

	it('never shows the opener of an anonymous ticket', () => {
		expect(ticketChannelName('{username}-{number}', { ...parts, anonymous: true })).toBe('anonymous-0042');
	});

	it('adds the number when a pattern forgot it', () => {
		expect(ticketChannelName('support', parts)).toBe('support-0042');
	});

	it('says what is wrong with a pattern an admin gives', () => {
		expect(channelPatternProblem('{category}-{username}-{number}')).toBeNull();
		expect(channelPatternProblem('support')).toBe('number');
		expect(channelPatternProblem('{user}-{number}')).toBe('placeholder');
	});
});
