import { container } from '@sapphire/framework';
import { slaEmbed } from '../../lib/analytics/render.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';

export const sla: SubcommandDefinition = {
	name: 'sla',
	description: 'How often SLAs were missed, per category and per staff member',
	answer: 'private',
	preconditions: ['GuildStaff'],
	async run(context) {
		await context.defer();
		const breaches = await container.analytics.slaBreaches(container.db.forGuild(context.guild.id));
		await context.reply({ embeds: [slaEmbed(breaches, context.t)] });
	}
};
