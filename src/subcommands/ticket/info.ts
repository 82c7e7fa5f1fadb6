import { runInTicket } from '../../lib/chat/ticketSubcommand.js';
import { infoEmbed } from '../../lib/chat/render.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { ticketInfo } from '../../lib/tickets/info.js';

export const info: SubcommandDefinition = {
	name: 'info',
	description: 'Status, owner, claimer, priority, tags, SLA and timeline of this ticket',
	answer: ticketInfo.audience,
	async run(context) {
		const shown = await runInTicket(context.services, ticketInfo, context.member, context.channel.id, undefined);
		await context.reply({ embeds: [infoEmbed(context.t, shown)] });
	}
};
