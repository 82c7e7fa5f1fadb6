import { container } from '@sapphire/framework';
import { transcriptCopy } from '../../lib/access/policy.js';
import { callerOf } from '../../lib/chat/caller.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { refuse } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { loadTicket, ticketIdInChannel, ticketNumber } from '../../lib/tickets/ticket.js';
import { transcriptAttachments, transcriptPlace } from '../../lib/transcripts/TranscriptService.js';

export const transcript: SubcommandDefinition = {
	name: 'transcript',
	description: 'Get the transcript of this ticket now (staff: with the internal notes)',
	answer: 'private',
	async run(context) {
		const services = container.ticketServices;
		const data = services.db.forGuild(context.guild.id);
		const scene = await loadTicket(services, context.guild.id, await ticketIdInChannel(data, context.channel.id));
		const copy = transcriptCopy(callerOf(context.services, context.member), scene.roles, scene.team, scene.parties);
		if (!copy) refuse(LanguageKeys.Transcripts.StaffOrOpener);
		await context.defer();
		const { ticket } = scene;
		const history = await container.transcripts.history(data, ticket, context.channel);
		const place = transcriptPlace(context.guild, ticket.number, context.channel);
		const files = await container.transcripts.render(data, ticket, place, history, copy);
		// The staff copy is also the ticket's saved transcript, brought up to date.
		if (copy === 'staff') await container.transcripts.save(data, ticket, files);
		const number = ticketNumber(ticket.number);
		await context.reply({
			content: context.t(LanguageKeys.Transcripts.Ready, { number }),
			files: transcriptAttachments(`ticket-${number}`, files)
		});
	}
};
