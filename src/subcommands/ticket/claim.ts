import type { SubcommandDefinition } from '../../lib/commands/subcommand.js';
import { claimTicket } from '../../lib/tickets/operations.js';
import { operationContext } from '../../lib/tickets/operationContext.js';

export const claim: SubcommandDefinition = {
	name: 'claim',
	description: 'Take this ticket: you handle it',
	async run(context) {
		const result = await claimTicket(operationContext(context.guild.id, context.member, context.channel, context.t));
		await context.reply({ content: result.content, ephemeral: false });
	}
};
