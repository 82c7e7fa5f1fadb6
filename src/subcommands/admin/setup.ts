import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { setupStep } from '../../lib/wizard/setupWizard.js';

export const setup: SubcommandDefinition = {
	name: 'setup',
	description: 'Set the bot up step by step: support roles, ticket channels, transcripts, a first panel',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	async run(context) {
		const view = await setupStep(container, context.guild, container.db.forGuild(context.guild.id), 1, context.t);
		await context.reply(view);
	}
};
