import { container } from '@sapphire/framework';
import { dashboardEmbed } from '../../lib/analytics/render.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';

export const dashboard: SubcommandDefinition = {
	name: 'dashboard',
	description: 'Totals, open and closed, per category, first response, rating, daily volume',
	answer: 'private',
	preconditions: ['GuildStaff'],
	async run(context) {
		await context.defer();
		const numbers = await container.analytics.dashboard(container.db.forGuild(context.guild.id));
		await context.reply({ embeds: [dashboardEmbed(numbers, context.guild.name, context.t)] });
	}
};
