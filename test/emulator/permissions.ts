import { PermissionFlagsBits as P } from 'discord-api-types/v10';

export const ALL_PERMISSIONS = Object.values(P).reduce((all, bit) => all | bit, 0n);

export interface PermissionRole {
	id: string;
	permissions: bigint;
}

export interface PermissionOverwrite {
	id: string;
	/** 0 role, 1 member */
	type: 0 | 1;
	allow: bigint;
	deny: bigint;
}

export interface PermissionSubject {
	guildId: string;
	ownerId: string;
	userId: string;
	/** The member's role IDs, without @everyone (whose ID is the guild's). */
	roleIds: readonly string[];
	roles: ReadonlyMap<string, PermissionRole>;
	timedOutUntil?: number | null;
}

/** Discord's base permissions: owner has all; else @everyone OR the member's roles; Administrator means all. */
export function basePermissions(subject: PermissionSubject): bigint {
	if (subject.userId === subject.ownerId) return ALL_PERMISSIONS;
	let permissions = subject.roles.get(subject.guildId)?.permissions ?? 0n;
	for (const id of subject.roleIds) permissions |= subject.roles.get(id)?.permissions ?? 0n;
	if (permissions & P.Administrator) return ALL_PERMISSIONS;
	return permissions;
}

/**
 * Discord's channel permissions: base, then the @everyone overwrite, then all role overwrites together,
 * then the member overwrite. Without View Channel nothing else applies; a timed-out member keeps only
 * View Channel and Read Message History.
 */
export function channelPermissions(
	subject: PermissionSubject,
	overwrites: readonly PermissionOverwrite[],
	now = Date.now()
): bigint {
	const base = basePermissions(subject);
	if (base & P.Administrator) return ALL_PERMISSIONS;
	let permissions = base;
	const everyone = overwrites.find((overwrite) => overwrite.id === subject.guildId);
	if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
	let allow = 0n;
	let deny = 0n;
	for (const overwrite of overwrites) {
		if (overwrite.type === 0 && overwrite.id !== subject.guildId && subject.roleIds.includes(overwrite.id)) {
			allow |= overwrite.allow;
			deny |= overwrite.deny;
		}
	}
	permissions = (permissions & ~deny) | allow;
	const member = overwrites.find((overwrite) => overwrite.type === 1 && overwrite.id === subject.userId);
	if (member) permissions = (permissions & ~member.deny) | member.allow;
	if (!(permissions & P.ViewChannel)) return 0n;
	if (subject.timedOutUntil && subject.timedOutUntil > now) permissions &= P.ViewChannel | P.ReadMessageHistory;
	return permissions;
}

export function has(permissions: bigint, ...required: bigint[]): boolean {
	return required.every((bit) => (permissions & bit) === bit);
}

export function permissionNames(bits: bigint): string[] {
	return Object.entries(P)
		.filter(([, bit]) => bits & bit)
		.map(([name]) => name);
}
