import {
	ChannelType,
	OverwriteType,
	PermissionFlagsBits as P,
	type CategoryChannel,
	type Guild,
	type OverwriteResolvable,
	type TextChannel
} from 'discord.js';

/** Discord's limit of channels in one category. */
export const CATEGORY_CAPACITY = 50;

export const MEMBER_BITS = P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.AttachFiles | P.EmbedLinks;
const BOT_ACCESS = MEMBER_BITS | P.ManageChannels | P.ManageMessages;

/** What the opener and participants may do in a ticket, as overwrite options. */
export const MEMBER_ACCESS = {
	ViewChannel: true,
	SendMessages: true,
	ReadMessageHistory: true,
	AttachFiles: true,
	EmbedLinks: true
} as const;

export interface TicketChannelSpec {
	name: string;
	topic: string;
	parentId: string | null;
	openerId: string;
	staffRoleIds: readonly string[];
}

/** Who sees a ticket channel: nobody but the opener, the staff roles and the bot. */
export function ticketOverwrites(
	guild: Guild,
	spec: Pick<TicketChannelSpec, 'openerId' | 'staffRoleIds'>
): OverwriteResolvable[] {
	return [
		{ id: guild.roles.everyone.id, type: OverwriteType.Role, deny: P.ViewChannel },
		{ id: guild.members.me!.id, type: OverwriteType.Member, allow: BOT_ACCESS },
		{ id: spec.openerId, type: OverwriteType.Member, allow: MEMBER_BITS },
		...[...new Set(spec.staffRoleIds)]
			.filter((id) => guild.roles.cache.has(id))
			.map((id) => ({ id, type: OverwriteType.Role, allow: MEMBER_BITS }))
	];
}

/**
 * Creates the ticket channel with every overwrite in the one create call. A full Discord category
 * (50 channels) overflows into a sibling category of the same name, created when none has room.
 */
export async function createTicketChannel(guild: Guild, spec: TicketChannelSpec): Promise<TextChannel> {
	const parent = spec.parentId ? await parentWithRoom(guild, spec.parentId) : null;
	return guild.channels.create({
		name: spec.name,
		type: ChannelType.GuildText,
		topic: spec.topic,
		parent: parent?.id ?? null,
		permissionOverwrites: ticketOverwrites(guild, spec)
	});
}

async function parentWithRoom(guild: Guild, parentId: string): Promise<CategoryChannel | null> {
	const parent = guild.channels.cache.get(parentId);
	if (parent?.type !== ChannelType.GuildCategory) return null;
	const hasRoom = (category: CategoryChannel) =>
		guild.channels.cache.filter((channel) => channel.parentId === category.id).size < CATEGORY_CAPACITY;
	if (hasRoom(parent)) return parent;
	const base = parent.name.replace(/ \(\d+\)$/, '');
	const siblings = guild.channels.cache
		.filter(
			(channel): channel is CategoryChannel =>
				channel.type === ChannelType.GuildCategory && (channel.name === base || channel.name.startsWith(`${base} (`))
		)
		.sort((a, b) => a.position - b.position);
	const free = siblings.find(hasRoom);
	if (free) return free;
	return guild.channels.create({
		name: `${base} (${siblings.size + 1})`,
		type: ChannelType.GuildCategory,
		position: parent.position + siblings.size,
		permissionOverwrites: parent.permissionOverwrites.cache.map((overwrite) => ({
			id: overwrite.id,
			type: overwrite.type,
			allow: overwrite.allow,
			deny: overwrite.deny
		}))
	});
}
