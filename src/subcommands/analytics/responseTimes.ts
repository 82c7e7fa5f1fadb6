import { container } from '@sapphire/framework';
import { responseTimesEmbed } from '../../lib/analytics/render.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';

export const responseTimes: SubcommandDefinition = {
	name: 'response_times',
	description: 'First-response average, median and p95 per category and per staff member',
	answer: 'private',
	preconditions: ['GuildStaff'],
	async run(context) {
		await context.defer();
		const times = await container.analytics.responseTimes(container.db.forGuild(context.guild.id));
		await context.reply({ embeds: [responseTimesEmbed(times, context.t)] });
	}
};
