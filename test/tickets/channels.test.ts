import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
	archived,
	BOT_BITS,
	MEMBER_BITS,
	newTicketOverwrites,
	Permission,
	routed,
	sameOverwrites,
	withMember,
	withoutMember,
	withRole,
	withWriting,
	type Overwrite
} from '../../src/lib/tickets/channels.js';

const GUILD = '100000000000000000';
const BOT = '100000000000000001';
const OPENER = '300000000000000001';
const STAFF = '200000000000000001';
const SEND = Permission.SendMessages;

const fresh = () => newTicketOverwrites({ guildId: GUILD, botId: BOT, openerId: OPENER, staffRoleIds: [STAFF, STAFF, GUILD] });
const byId = (overwrites: readonly Overwrite[], id: string) => overwrites.find((overwrite) => overwrite.id === id);

describe('ticket channel overwrites', () => {
	it('use the same bits as Discord', () => {
		for (const [name, bit] of Object.entries(Permission))
			expect(bit, name).toBe(PermissionFlagsBits[name as keyof typeof PermissionFlagsBits]);
	});

	it('open a ticket to its opener, its staff roles and the bot; @everyone is shut out, never let in', () => {
		const overwrites = fresh();
		expect(byId(overwrites, GUILD)).toEqual({ id: GUILD, kind: 'role', allow: 0n, deny: Permission.ViewChannel });
		expect(byId(overwrites, BOT)!.allow).toBe(BOT_BITS);
		expect(byId(overwrites, OPENER)).toEqual({ id: OPENER, kind: 'member', allow: MEMBER_BITS, deny: 0n });
		expect(overwrites.filter((overwrite) => overwrite.id === STAFF)).toHaveLength(1);
		expect(overwrites).toHaveLength(4);
	});

	it('take writing from members and give it back, touching nothing else', () => {
		const locked = withWriting(fresh(), [OPENER], false);
		expect(byId(locked, OPENER)).toEqual({ id: OPENER, kind: 'member', allow: MEMBER_BITS & ~SEND, deny: SEND });
		expect(byId(locked, STAFF)).toEqual(byId(fresh(), STAFF));
		expect(sameOverwrites(withWriting(locked, [OPENER], true), fresh())).toBe(true);
	});

	it('add, remove and replace members and roles', () => {
		const guest = '300000000000000002';
		const added = withMember(fresh(), guest, false);
		expect(byId(added, guest)).toEqual({ id: guest, kind: 'member', allow: MEMBER_BITS & ~SEND, deny: SEND });
		expect(sameOverwrites(withoutMember(added, guest), fresh())).toBe(true);
		expect(sameOverwrites(withRole(fresh(), STAFF), fresh())).toBe(true);
		const team = '200000000000000009';
		const moved = routed(fresh(), [STAFF], [team]);
		expect(byId(moved, STAFF)).toBeUndefined();
		expect(byId(moved, team)).toEqual({ id: team, kind: 'role', allow: MEMBER_BITS, deny: 0n });
	});

	it('archive a channel (members out, roles read only) and restore it', () => {
		const spec = { guildId: GUILD, memberIds: [OPENER], membersWrite: true };
		const archive = archived(fresh(), { ...spec, archive: true });
		expect(byId(archive, OPENER)).toBeUndefined();
		expect(byId(archive, STAFF)).toEqual({ id: STAFF, kind: 'role', allow: MEMBER_BITS & ~SEND, deny: SEND });
		expect(byId(archive, GUILD)).toEqual(byId(fresh(), GUILD));
		expect(sameOverwrites(archived(archive, { ...spec, archive: false }), fresh())).toBe(true);
	});

	it('compare lists whatever their order', () => {
		expect(sameOverwrites([...fresh()].reverse(), fresh())).toBe(true);
		expect(sameOverwrites(withWriting(fresh(), [OPENER], false), fresh())).toBe(false);
	});
});
