import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { accessTo, ticketInChannel } from '../../lib/tickets/access.js';
import { collectMessages, transcriptAttachments } from '../../lib/transcripts/TranscriptService.js';
import { refuse } from '../../lib/errors/Refusal.js';

export const transcript: SubcommandDefinition = {
	name: 'transcript',
	description: 'Get the transcript of this ticket now (staff: with the internal notes)',
	async run(context) {
		const { t } = context;
		const data = container.db.forGuild(context.guild.id);
		const ticket = await ticketInChannel(data, context.channel.id);
		const access = await accessTo(data, context.member, ticket);
		if (!access.staff && !access.opener && ticket.openerId !== context.member.id) refuse(LanguageKeys.Transcripts.StaffOrOpener);
		await context.defer(true);
		const audience = access.staff ? 'staff' : 'opener';
		const files = await container.transcripts.render(
			data,
			ticket,
			context.channel,
			await collectMessages(context.channel),
			audience
		);
		// The staff copy is also the ticket's saved transcript, brought up to date.
		if (audience === 'staff') await container.transcripts.save(data, ticket, files);
		const number = String(ticket.number).padStart(4, '0');
		const payload = {
			content: t(LanguageKeys.Transcripts.Ready, { number }),
			files: transcriptAttachments(`ticket-${number}`, files)
		};
		if (context.via === 'slash') return context.reply({ ...payload, ephemeral: true });
		// A prefix answer would be public in the ticket: the files go by DM instead.
		const sent = await container.transcripts.sendByDm(context.member.id, payload);
		await context.reply(t(sent ? LanguageKeys.Transcripts.SentByDm : LanguageKeys.Transcripts.DmClosed));
	}
};
