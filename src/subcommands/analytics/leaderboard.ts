import { container } from '@sapphire/framework';
import { leaderboardEmbed } from '../../lib/analytics/render.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';

export const leaderboard: SubcommandDefinition = {
	name: 'leaderboard',
	description: 'Staff ranked by tickets handled, first-response time and rating, with warnings',
	answer: 'private',
	preconditions: ['GuildStaff'],
	async run(context) {
		await context.defer();
		const standings = await container.analytics.leaderboard(container.db.forGuild(context.guild.id));
		await context.reply({ embeds: [leaderboardEmbed(standings, context.t)] });
	}
};
