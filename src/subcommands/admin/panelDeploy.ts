import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { deployPanel } from '../../lib/panels/deployPanel.js';

export const panelDeploy: SubcommandDefinition = {
	name: 'panel_deploy',
	description: 'Post a panel, or update the message it posted before',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [{ name: 'panel_id', type: 'string', description: 'Which panel', required: true, maxLength: 32 }],
	async run(context) {
		const { guild, t } = context;
		const key = context.options.string('panel_id')!.toLowerCase();
		const { redeployed, url } = await deployPanel(
			container,
			guild,
			container.db.forGuild(guild.id),
			key,
			{ actorId: context.member.id },
			() => context.defer()
		);
		await context.reply(t(redeployed ? LanguageKeys.Panels.Redeployed : LanguageKeys.Panels.Deployed, { key, url }));
	}
};
