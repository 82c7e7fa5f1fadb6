import { createHash } from 'node:crypto';

/**
 * A ticket channel as the use cases see it: its permission overwrites as plain data, and the few Discord
 * calls an operation makes. The Discord gateway (src/lib/discord/TicketChannelGateway.ts) implements it;
 * a test can implement it without Discord. Overwrite changes are pure functions of (current, change).
 */

/** Discord's permission bits the tickets use (the same numbers as discord.js's PermissionFlagsBits). */
export const Permission = {
	ManageChannels: 1n << 4n,
	ViewChannel: 1n << 10n,
	SendMessages: 1n << 11n,
	ManageMessages: 1n << 13n,
	EmbedLinks: 1n << 14n,
	AttachFiles: 1n << 15n,
	ReadMessageHistory: 1n << 16n
} as const;

/** What the opener, participants and staff roles may do in a ticket. */
export const MEMBER_BITS =
	Permission.ViewChannel |
	Permission.SendMessages |
	Permission.ReadMessageHistory |
	Permission.AttachFiles |
	Permission.EmbedLinks;
/** The bot itself: everything members have, and managing the channel and its messages. */
export const BOT_BITS = MEMBER_BITS | Permission.ManageChannels | Permission.ManageMessages;

export interface Overwrite {
	readonly id: string;
	readonly kind: 'role' | 'member';
	readonly allow: bigint;
	readonly deny: bigint;
}

export interface NewTicketChannel {
	name: string;
	topic: string;
	/** The Discord category wanted; a full one overflows into `Name (2)`. */
	parentId: string | null;
	overwrites: readonly Overwrite[];
}

/** A post's fingerprint, kept in its timeline entry (see hasPost). */
export const postDigest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Discord's limit of channels in one server. */
export const SERVER_CAPACITY = 500;

/** The server has no room for another channel (Discord's 500): the creation may wait in the queue. */
export class ServerFull extends Error {
	public override readonly name = 'ServerFull';
	public constructor() {
		super('The server has no room for another channel');
	}
}

/** A message the bot posts in a ticket: text, or an embed (a title and a text). */
export interface TicketPost {
	readonly content: string;
	readonly embed: { readonly title: string | null } | null;
	readonly pingUserIds: readonly string[];
}

/** The Discord calls of the ticket operations; each is one request and throws a DiscordFailure when refused. */
export interface TicketChannels {
	/**
	 * Changes who may do what in the channel: `change` gets the overwrites Discord holds now and returns the
	 * new ones, applied in one call (none when they are the same). Changes to one channel run one at a time,
	 * `change` included, so two made at once both hold. A channel already gone is left alone.
	 */
	changeOverwrites(
		guildId: string,
		channelId: string,
		change: (current: readonly Overwrite[]) => Overwrite[] | Promise<Overwrite[]>,
		reason: string
	): Promise<void>;
	rename(guildId: string, channelId: string, name: string, reason: string): Promise<void>;
	/** Deletes the channel; a channel already gone is not an error. */
	delete(guildId: string, channelId: string, reason: string): Promise<void>;
	/** The new channel's ID; throws ServerFull when the server has no room for it. */
	create(guildId: string, channel: NewTicketChannel): Promise<string>;
	isMember(guildId: string, userId: string): Promise<boolean>;
	/** Posts a message as the bot in the ticket's channel (a snippet); it pings only `pingUserIds`. */
	post(guildId: string, channelId: string, message: TicketPost): Promise<void>;
	/**
	 * How many messages the bot posted since `since` (among the channel's last 50) whose text (or first
	 * embed's text) has this digest (postDigest): how posts a stopped process may or may not have made are
	 * told apart.
	 */
	countPosts(guildId: string, channelId: string, digest: string, since: Date): Promise<number>;
	/** The guild's name as Discord shows it now. */
	guildName(guildId: string): string;
	/** The bot's user ID, for its own overwrite. */
	botId(): string;
	/**
	 * What a stopped creation left of a ticket's channel: the channel by its ID when the creation recorded
	 * it, else the text channel whose topic starts with `topicStart`; and whether the bot posted in it
	 * (its welcome). Null when there is no such channel.
	 */
	leftover(guildId: string, channelId: string | null, topicStart: string): Promise<{ channelId: string; posted: boolean } | null>;
}

/** The start of a ticket channel's topic, which names its number: how a channel is found that no row names. */
export const ticketTopicStart = (number: number) => `#${number} · `;

/** A ticket channel's topic: its number, then its category. */
export const ticketTopic = (number: number, categoryName: string) => `${ticketTopicStart(number)}${categoryName}`;

const SEND = Permission.SendMessages;

const memberAccess = (id: string, write: boolean): Overwrite => ({
	id,
	kind: 'member',
	allow: write ? MEMBER_BITS : MEMBER_BITS & ~SEND,
	deny: write ? 0n : SEND
});

/** Who sees a new ticket: nobody but the opener, its staff roles and the bot. */
export function newTicketOverwrites(spec: {
	guildId: string;
	botId: string;
	openerId: string;
	staffRoleIds: readonly string[];
}): Overwrite[] {
	return [
		{ id: spec.guildId, kind: 'role', allow: 0n, deny: Permission.ViewChannel },
		{ id: spec.botId, kind: 'member', allow: BOT_BITS, deny: 0n },
		memberAccess(spec.openerId, true),
		...[...new Set(spec.staffRoleIds)]
			.filter((id) => id !== spec.guildId)
			.map((id): Overwrite => ({ id, kind: 'role', allow: MEMBER_BITS, deny: 0n }))
	];
}

/** These members may write, or not (lock, unlock, close, reopen); everything else stays. */
export function withWriting(current: readonly Overwrite[], memberIds: readonly string[], write: boolean): Overwrite[] {
	const targets = new Set(memberIds);
	return current.map((overwrite) =>
		targets.has(overwrite.id)
			? {
					...overwrite,
					allow: write ? overwrite.allow | SEND : overwrite.allow & ~SEND,
					deny: write ? overwrite.deny & ~SEND : overwrite.deny | SEND
				}
			: overwrite
	);
}

/** A member gets a member's access (writing or not), replacing any overwrite they had. */
export function withMember(current: readonly Overwrite[], userId: string, write: boolean): Overwrite[] {
	return [...current.filter((overwrite) => overwrite.id !== userId), memberAccess(userId, write)];
}

export function withoutMember(current: readonly Overwrite[], userId: string): Overwrite[] {
	return current.filter((overwrite) => overwrite.id !== userId);
}

/** Who may use a ticket's channel, as its row says: its members, and whether they write. */
export interface MemberAccess {
	memberIds: readonly string[];
	write: boolean;
	/** A soft-deleted ticket's channel is an archive its members no longer see: they are left as they are. */
	archived: boolean;
}

/**
 * The members' access as the database has it: each touched member (added, removed, made owner) gets a
 * member's access or none, and every member writes or not (open and unlocked, or not).
 */
export function withAccess(current: readonly Overwrite[], access: MemberAccess, touched: readonly string[]): Overwrite[] {
	if (access.archived) return [...current];
	let next = [...current];
	for (const userId of touched)
		next = access.memberIds.includes(userId) ? withMember(next, userId, access.write) : withoutMember(next, userId);
	return withWriting(next, access.memberIds, access.write);
}

/** A role gets access (escalation); a role that has an overwrite already keeps it as it is. */
export function withRole(current: readonly Overwrite[], roleId: string): Overwrite[] {
	if (current.some((overwrite) => overwrite.id === roleId)) return [...current];
	return [...current, { id: roleId, kind: 'role', allow: MEMBER_BITS, deny: 0n }];
}

/** A department takes the ticket: the roles leaving lose access, the incoming ones gain it. */
export function routed(current: readonly Overwrite[], leaving: readonly string[], incoming: readonly string[]): Overwrite[] {
	const gone = new Set([...leaving, ...incoming]);
	return [
		...current.filter((overwrite) => !gone.has(overwrite.id)),
		...incoming.map((id): Overwrite => ({ id, kind: 'role', allow: MEMBER_BITS, deny: 0n }))
	];
}

/**
 * A soft-deleted ticket's channel is an archive: the opener and participants lose access, the staff roles
 * read but no longer write. Restoring gives the members back their access (writing when `membersWrite`).
 */
export function archived(
	current: readonly Overwrite[],
	spec: { guildId: string; memberIds: readonly string[]; archive: boolean; membersWrite: boolean }
): Overwrite[] {
	const members = new Set(spec.memberIds);
	const roles = current
		.filter((overwrite) => !members.has(overwrite.id))
		.map((overwrite) =>
			overwrite.kind === 'role' && overwrite.id !== spec.guildId
				? {
						...overwrite,
						allow: spec.archive ? overwrite.allow & ~SEND : overwrite.allow | SEND,
						deny: spec.archive ? overwrite.deny | SEND : overwrite.deny & ~SEND
					}
				: overwrite
		);
	if (spec.archive) return roles;
	return [...roles, ...spec.memberIds.map((id) => memberAccess(id, spec.membersWrite))];
}

/** Whether two overwrite lists give the same permissions (order aside). */
export function sameOverwrites(a: readonly Overwrite[], b: readonly Overwrite[]): boolean {
	if (a.length !== b.length) return false;
	const byId = new Map(a.map((overwrite) => [overwrite.id, overwrite]));
	return b.every((overwrite) => {
		const other = byId.get(overwrite.id);
		return other?.kind === overwrite.kind && other.allow === overwrite.allow && other.deny === overwrite.deny;
	});
}
