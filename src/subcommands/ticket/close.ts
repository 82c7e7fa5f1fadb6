import type { SubcommandDefinition } from '../../lib/commands/subcommand.js';
import { operationContext } from '../../lib/tickets/operationContext.js';
import { closeTicket } from '../../lib/tickets/operations.js';

export const close: SubcommandDefinition = {
	name: 'close',
	description: 'Close this ticket',
	options: [{ name: 'reason', type: 'string', description: 'Why (shown in the ticket)', required: true, maxLength: 500 }],
	async run(context) {
		const result = await closeTicket(
			operationContext(context.guild.id, context.member, context.channel, context.t),
			context.options.string('reason')
		);
		await context.reply({ content: result.content, ephemeral: false });
	}
};
