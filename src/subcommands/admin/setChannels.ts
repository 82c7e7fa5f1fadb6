import { container } from '@sapphire/framework';
import { ChannelType } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { assertCanPost } from '../../lib/discord/canPost.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const setChannels: SubcommandDefinition = {
	name: 'set_channels',
	description: 'Where transcripts and ticket events are posted',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{
			name: 'transcript_channel',
			type: 'channel',
			description: 'Gets every closed ticket’s transcript files',
			required: true,
			channelTypes: [ChannelType.GuildText]
		},
		{
			name: 'log_channel',
			type: 'channel',
			description: 'Gets an event for every ticket action',
			required: true,
			channelTypes: [ChannelType.GuildText]
		},
		{ name: 'dm_transcripts', type: 'boolean', description: 'Also send openers their transcript by direct message' }
	],
	async run(context) {
		const { options, t } = context;
		const transcripts = options.channel('transcript_channel')!;
		const logs = options.channel('log_channel')!;
		for (const channel of [transcripts, logs]) assertCanPost(channel);
		const data = container.db.forGuild(context.guild.id);
		const settings = await data.updateSettings({
			transcriptChannelId: transcripts.id,
			logChannelId: logs.id,
			...(options.has('dm_transcripts') ? { dmTranscripts: options.boolean('dm_transcripts')! } : {})
		});
		await container.audit.record(data, {
			actorId: context.member.id,
			action: 'settings.channels',
			details: { transcriptChannelId: transcripts.id, logChannelId: logs.id, dmTranscripts: settings.dmTranscripts }
		});
		await context.reply(
			t(LanguageKeys.Logs.ChannelsSet, {
				transcripts: `<#${transcripts.id}>`,
				logs: `<#${logs.id}>`,
				dm: t(settings.dmTranscripts ? LanguageKeys.Logs.DmOn : LanguageKeys.Logs.DmOff)
			})
		);
	}
};
