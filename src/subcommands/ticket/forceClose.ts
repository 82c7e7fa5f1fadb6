import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { operationContext } from '../../lib/tickets/operationContext.js';
import { forceCloseTicket } from '../../lib/tickets/operations.js';

export const forceClose: SubcommandDefinition = {
	name: 'forceclose',
	description: 'Close this ticket whatever its state (admins)',
	options: [
		{ name: 'delete_channel', type: 'boolean', description: 'Delete the channel now', required: true },
		{ name: 'reason', type: 'string', description: 'Why', required: true, maxLength: 500 }
	],
	async run(command) {
		const result = await forceCloseTicket(
			operationContext(command.guild.id, command.member, command.channel, command.t),
			command.options.boolean('delete_channel')!,
			command.options.string('reason')!
		);
		// Answer first: once the channel is gone there is nowhere to answer.
		await command.reply({ content: result.content, ephemeral: result.deleteChannel });
		if (result.deleteChannel && 'delete' in command.channel) {
			// The history goes with the channel: keep the transcript first.
			await container.transcripts
				.archive(container.db.forGuild(command.guild.id), result.ticketId)
				.catch((error: unknown) => container.logger.error('Could not save the transcript before deleting', { error }));
			await command.channel.delete('ticket force-closed');
		}
	}
};
