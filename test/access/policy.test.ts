import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/access/actor.js';
import {
	canClose,
	canRate,
	canView,
	canWork,
	isAdmin,
	isGuildStaff,
	listScope,
	seesNotes,
	transcriptCopy,
	type GuildRoles,
	type GuildTeams,
	type TicketParties
} from '../../src/lib/access/policy.js';

const GUILD = '100000000000000000';
const roles: GuildRoles = { guildId: GUILD, adminRoleIds: ['200000000000000001'], supportRoleIds: ['200000000000000002'] };
const team = ['200000000000000003'];
const ticket: TicketParties = {
	openerId: '300000000000000001',
	ownerId: '300000000000000002',
	participantIds: ['300000000000000003']
};
const teams: GuildTeams = { categories: [{ id: 1, roleIds: team }], departments: [{ id: 7, roleIds: ['200000000000000004'] }] };

const actor = (userId: string, roleIds: string[] = [], rights: Partial<Actor> = {}): Actor => ({
	userId,
	roleIds,
	isAdmin: false,
	isOwner: false,
	...rights
});

const manager = actor('400000000000000001', [], { isAdmin: true });
const adminRole = actor('400000000000000002', [roles.adminRoleIds[0]!]);
const support = actor('400000000000000003', [roles.supportRoleIds[0]!]);
const teamStaff = actor('400000000000000004', team);
const departmentStaff = actor('400000000000000005', ['200000000000000004']);
const opener = actor(ticket.openerId);
const owner = actor(ticket.ownerId);
const participant = actor(ticket.participantIds[0]!);
const outsider = actor('400000000000000009', ['200000000000000099']);
/** Holds @everyone (every member does): that alone makes nobody anything. */
const everyone = actor('400000000000000010', [GUILD]);
const botOwner = actor('400000000000000011', [], { isOwner: true });

describe('the access policy', () => {
	it('makes admins of Manage Server and the admin roles only', () => {
		expect([manager, adminRole].map((who) => isAdmin(who, roles))).toEqual([true, true]);
		for (const who of [support, teamStaff, opener, outsider, everyone, botOwner])
			expect(isAdmin(who, roles), who.userId).toBe(false);
	});

	it('lets the ticket staff work it, and refuses everyone else', () => {
		for (const who of [manager, adminRole, support, teamStaff]) expect(canWork(who, roles, team), who.userId).toBe(true);
		for (const who of [departmentStaff, opener, owner, participant, outsider, everyone, botOwner])
			expect(canWork(who, roles, team), who.userId).toBe(false);
	});

	it('never counts @everyone as a role held, wherever a guild stored it', () => {
		const stored: GuildRoles = { guildId: GUILD, adminRoleIds: [GUILD], supportRoleIds: [GUILD] };
		expect(isAdmin(everyone, stored)).toBe(false);
		expect(canWork(everyone, stored, [GUILD])).toBe(false);
		expect(listScope(everyone, stored, { categories: [{ id: 1, roleIds: [GUILD] }], departments: [] })).toEqual({ kind: 'own' });
	});

	it('shows details to staff, the opener, the owner and participants; notes to staff only', () => {
		for (const who of [teamStaff, opener, owner, participant]) expect(canView(who, roles, team, ticket), who.userId).toBe(true);
		for (const who of [departmentStaff, outsider, everyone]) expect(canView(who, roles, team, ticket), who.userId).toBe(false);
		for (const who of [opener, owner, participant, outsider]) expect(seesNotes(who, roles, team), who.userId).toBe(false);
		expect(seesNotes(teamStaff, roles, team)).toBe(true);
	});

	it('lets the opener close only where the guild allows it', () => {
		expect(canClose(opener, roles, team, ticket, false)).toBe(false);
		expect(canClose(opener, roles, team, ticket, true)).toBe(true);
		expect(canClose(participant, roles, team, ticket, true)).toBe(false);
		expect(canClose(teamStaff, roles, team, ticket, false)).toBe(true);
	});

	it('lets only the opener rate, never an empty (purged) opener', () => {
		expect(canRate(opener, ticket)).toBe(true);
		for (const who of [owner, teamStaff, manager, participant]) expect(canRate(who, ticket), who.userId).toBe(false);
		expect(canRate(actor(''), { ...ticket, openerId: '' })).toBe(false);
	});

	it('hands staff the staff transcript, the opener and owner theirs, nobody else one', () => {
		expect(transcriptCopy(teamStaff, roles, team, ticket)).toBe('staff');
		expect(transcriptCopy(opener, roles, team, ticket)).toBe('opener');
		expect(transcriptCopy(owner, roles, team, ticket)).toBe('opener');
		for (const who of [participant, outsider, departmentStaff]) expect(transcriptCopy(who, roles, team, ticket)).toBeNull();
	});

	it('scopes lists: all for admins and support, the teams for their staff, their own for members', () => {
		expect(listScope(manager, roles, teams)).toEqual({ kind: 'all' });
		expect(listScope(support, roles, teams)).toEqual({ kind: 'all' });
		expect(listScope(teamStaff, roles, teams)).toEqual({ kind: 'teams', categoryIds: [1], departmentIds: [] });
		expect(listScope(departmentStaff, roles, teams)).toEqual({ kind: 'teams', categoryIds: [], departmentIds: [7] });
		expect(listScope(outsider, roles, teams)).toEqual({ kind: 'own' });
		expect(isGuildStaff(departmentStaff, roles, teams)).toBe(true);
		expect(isGuildStaff(outsider, roles, teams)).toBe(false);
	});
});
