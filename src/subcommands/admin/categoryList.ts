import { container } from '@sapphire/framework';
import { EmbedBuilder } from 'discord.js';
import { shownRoles } from '../../lib/chat/render.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { cut } from '../../lib/text/cut.js';

export const categoryList: SubcommandDefinition = {
	name: 'category_list',
	description: 'List the ticket categories',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	async run(context) {
		const { t } = context;
		const categories = await container.categories.list(container.db.forGuild(context.guild.id));
		if (categories.length === 0) return context.reply(t(LanguageKeys.Categories.ListEmpty));
		const lines = categories.map((category) => {
			const facts = [
				category.defaultPriority,
				category.slaMinutes ? t(LanguageKeys.Categories.Sla, { minutes: category.slaMinutes }) : null,
				category.resolutionSlaMinutes
					? t(LanguageKeys.Categories.ResolutionSla, { minutes: category.resolutionSlaMinutes })
					: null,
				category.workingHours
					? t(LanguageKeys.Categories.Hours, {
							hours: `\`${userText(category.workingHours, 300).replace(/`/g, '')}\``,
							mode: t(category.outOfHours === 'pause' ? LanguageKeys.Categories.HoursPause : LanguageKeys.Categories.HoursNotice)
						})
					: null,
				category.questions.length ? t(LanguageKeys.Categories.Questions, { count: category.questions.length }) : null,
				category.staffRoleIds.length
					? shownRoles(t, context.guild.id, category.staffRoleIds, container.ticketServices.roles)
					: null,
				category.anonymousAllowed ? t(LanguageKeys.Categories.Anonymous) : null,
				category.captcha ? t(LanguageKeys.Categories.Captcha) : null
			].filter(Boolean);
			return `${category.emoji ? `${userText(category.emoji, 64)} ` : ''}**${userText(category.displayName, 80)}** \`${category.key}\` · ${facts.join(' · ')}`;
		});
		const embed = new EmbedBuilder()
			.setTitle(t(LanguageKeys.Categories.ListTitle, { count: categories.length }))
			.setDescription(cut(lines.join('\n'), 4000));
		return context.reply({ embeds: [embed] });
	}
};
