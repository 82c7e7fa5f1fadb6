import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
	ALL_PERMISSIONS,
	basePermissions,
	channelPermissions,
	type PermissionRole,
	type PermissionSubject
} from './permissions.js';

const GUILD = '100000000000000000';
const OWNER = '100000000000000001';
const USER = '100000000000000002';
const STAFF = '200000000000000001';
const MUTED = '200000000000000002';

function subject(roleIds: string[] = [], extra: Partial<PermissionSubject> = {}): PermissionSubject {
	const roles = new Map<string, PermissionRole>([
		[GUILD, { id: GUILD, permissions: P.ViewChannel | P.SendMessages | P.ReadMessageHistory }],
		[STAFF, { id: STAFF, permissions: P.ManageMessages }],
		[MUTED, { id: MUTED, permissions: 0n }],
		['300000000000000000', { id: '300000000000000000', permissions: P.Administrator }]
	]);
	return { guildId: GUILD, ownerId: OWNER, userId: USER, roleIds, roles, ...extra };
}

const everyone = (allow: bigint, deny: bigint) => ({ id: GUILD, type: 0 as const, allow, deny });
const role = (id: string, allow: bigint, deny: bigint) => ({ id, type: 0 as const, allow, deny });
const member = (id: string, allow: bigint, deny: bigint) => ({ id, type: 1 as const, allow, deny });

describe("Discord's permission algorithm", () => {
	it('gives the owner and administrators everything, whatever the overwrites', () => {
		const deny = [everyone(0n, P.ViewChannel), member(USER, 0n, ALL_PERMISSIONS)];
		expect(channelPermissions(subject([], { userId: OWNER }), deny)).toBe(ALL_PERMISSIONS);
		expect(channelPermissions(subject(['300000000000000000']), deny)).toBe(ALL_PERMISSIONS);
	});

	it('starts from @everyone and the member’s roles', () => {
		expect(basePermissions(subject([STAFF]))).toBe(P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.ManageMessages);
	});

	it('hides a channel whose @everyone overwrite denies View Channel, unless a role or member overwrite allows it', () => {
		const privateChannel = [everyone(0n, P.ViewChannel), role(STAFF, P.ViewChannel, 0n)];
		expect(channelPermissions(subject(), privateChannel)).toBe(0n);
		expect(channelPermissions(subject([STAFF]), privateChannel) & P.ViewChannel).toBe(P.ViewChannel);
		expect(channelPermissions(subject(), [...privateChannel, member(USER, P.ViewChannel, 0n)]) & P.SendMessages).toBe(
			P.SendMessages
		);
	});

	it('applies role overwrites together (an allow on one role beats a deny on another), then the member overwrite', () => {
		const locked = [everyone(0n, P.SendMessages), role(MUTED, 0n, P.SendMessages), role(STAFF, P.SendMessages, 0n)];
		expect(channelPermissions(subject([MUTED, STAFF]), locked) & P.SendMessages).toBe(P.SendMessages);
		expect(channelPermissions(subject([MUTED, STAFF]), [...locked, member(USER, 0n, P.SendMessages)]) & P.SendMessages).toBe(0n);
		expect(channelPermissions(subject([MUTED]), locked) & P.SendMessages).toBe(0n);
	});

	it('leaves a timed-out member only View Channel and Read Message History', () => {
		const timedOut = subject([STAFF], { timedOutUntil: Date.now() + 60_000 });
		expect(channelPermissions(timedOut, [])).toBe(P.ViewChannel | P.ReadMessageHistory);
		expect(channelPermissions(subject([STAFF], { timedOutUntil: Date.now() - 1 }), []) & P.SendMessages).toBe(P.SendMessages);
	});
});
