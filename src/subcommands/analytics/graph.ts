import { container } from '@sapphire/framework';
import { AttachmentBuilder } from 'discord.js';
import { renderDailyChart } from '../../lib/analytics/chart.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const graph: SubcommandDefinition = {
	name: 'graph',
	description: 'A chart of tickets opened per day',
	answer: 'private',
	preconditions: ['GuildStaff'],
	options: [{ name: 'days', type: 'integer', description: 'How many days back (7 to 90, default 30)', min: 7, max: 90 }],
	async run(context) {
		await context.defer();
		const days = context.options.integer('days') ?? 30;
		const daily = await container.analytics.dailyVolume(container.db.forGuild(context.guild.id), days);
		const { t } = context;
		const png = await renderDailyChart(
			daily,
			t(LanguageKeys.Analytics.GraphTitle, { guild: context.guild.name, days }),
			t(LanguageKeys.Analytics.GraphEmpty)
		);
		await context.reply({
			content: t(LanguageKeys.Analytics.GraphReady, { days }),
			files: [new AttachmentBuilder(png, { name: 'tickets-per-day.png' })]
		});
	}
};
