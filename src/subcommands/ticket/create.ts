import { container } from '@sapphire/framework';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { encodeCustomId } from '../../lib/chat/customIds.js';
import { beginTicket } from '../../lib/chat/openFlow.js';
import { cut } from '../../lib/text/cut.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { hoursRefusal } from '../../lib/tickets/sla.js';

export const create: SubcommandDefinition = {
	name: 'create',
	description: 'Open a ticket',
	answer: 'caller',
	opensForm: true,
	preconditions: ['CreationOpen', 'NotBlacklisted', 'CreationCooldown'],
	options: [
		{ name: 'category', type: 'string', description: 'What you need help with (category key)', required: true, maxLength: 32 }
	],
	async run(context) {
		const data = container.db.forGuild(context.guild.id);
		const category = await container.categories.requireByKey(data, context.options.string('category')!);
		if (context.interaction) return beginTicket(context.services, context.interaction, category, 0, 'command');
		// A prefix command cannot show a form: check now, then offer the button that opens it.
		const refusal = hoursRefusal(category, new Date()) ?? (await container.tickets.refusal(context.guild.id, context.member.id));
		if (refusal) throw new Refusal(refusal);
		const button = new ButtonBuilder()
			.setCustomId(encodeCustomId({ kind: 'panelButton', panelId: 0, categoryId: category.id }))
			.setStyle(ButtonStyle.Primary)
			.setLabel(cut(category.displayName, 80));
		if (category.emoji) button.setEmoji(category.emoji);
		await context.reply({
			content: context.t(LanguageKeys.Panels.DefaultButton),
			components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)]
		});
	}
};
