import { PermissionFlagsBits, PermissionsBitField, type GuildBasedChannel } from 'discord.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { refuse } from '../errors/Refusal.js';

/** What the bot needs in a channel it posts transcripts or events in. */
const NEEDED = [
	PermissionFlagsBits.ViewChannel,
	PermissionFlagsBits.SendMessages,
	PermissionFlagsBits.EmbedLinks,
	PermissionFlagsBits.AttachFiles
];

/** Refuses, naming the missing permissions, a channel where the bot could not post transcripts or events. */
export function assertCanPost(channel: GuildBasedChannel): void {
	const granted = channel.permissionsFor(channel.guild.members.me!);
	const missing = NEEDED.filter((bit) => !granted?.has(bit));
	if (missing.length === 0) return;
	refuse(LanguageKeys.Logs.BotCannotPost, {
		channel: `<#${channel.id}>`,
		permissions: new PermissionsBitField(missing).toArray().join(', ')
	});
}
