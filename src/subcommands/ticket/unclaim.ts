import type { SubcommandDefinition } from '../../lib/commands/subcommand.js';
import { operationContext } from '../../lib/tickets/operationContext.js';
import { unclaimTicket } from '../../lib/tickets/operations.js';

export const unclaim: SubcommandDefinition = {
	name: 'unclaim',
	description: 'Release this ticket for another staff member',
	async run(context) {
		const result = await unclaimTicket(operationContext(context.guild.id, context.member, context.channel, context.t));
		await context.reply({ content: result.content, ephemeral: false });
	}
};
