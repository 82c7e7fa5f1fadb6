import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { securityStatus } from '../../lib/security/report.js';

export const status: SubcommandDefinition = {
	name: 'status',
	description: 'Lockdown, raid mode, anti-spam and the last day’s security events',
	answer: 'private',
	preconditions: ['AdminOnly'],
	async run(context) {
		const embed = await securityStatus(container, container.db.forGuild(context.guild.id), context.guild, context.t);
		await context.reply({ embeds: [embed] });
	}
};
