import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { ticketInChannel } from '../../lib/tickets/access.js';
import { recordFeedback } from '../../lib/tickets/feedback.js';

export const feedback: SubcommandDefinition = {
	name: 'feedback',
	description: 'Rate this closed ticket (its opener only)',
	options: [
		{ name: 'stars', type: 'integer', description: '1 to 5', required: true, min: 1, max: 5 },
		{ name: 'message', type: 'string', description: 'Anything to add', maxLength: 1000 }
	],
	async run(context) {
		const data = container.db.forGuild(context.guild.id);
		const ticket = await ticketInChannel(data, context.channel.id);
		const stars = context.options.integer('stars')!;
		await recordFeedback(container.audit, data, ticket.id, context.member.id, stars, context.options.string('message'));
		await context.reply(context.t(LanguageKeys.Tickets.RateThanks, { stars }));
	}
};
