import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { callerIsGuildStaff } from '../../lib/chat/caller.js';
import { refuse } from '../../lib/errors/Refusal.js';

export const staffWarn: SubcommandDefinition = {
	name: 'staff_warn',
	description: 'Record a warning against a staff member (shown on the leaderboard)',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'member', type: 'user', description: 'The staff member', required: true },
		{ name: 'reason', type: 'string', description: 'Why', required: true, maxLength: 500 }
	],
	async run(context) {
		const user = context.options.user('member')!;
		const reason = context.options.string('reason')!;
		const data = container.db.forGuild(context.guild.id);
		const member = await context.guild.members.fetch(user.id).catch(() => null);
		if (!member || !(await callerIsGuildStaff(context.services, member)))
			refuse(LanguageKeys.Analytics.NotStaff, { member: `<@${user.id}>` });
		await data.db.staffWarning.create({
			data: { guildId: data.guildId, staffId: user.id, reason, createdById: context.member.id }
		});
		await container.audit.record(data, {
			actorId: context.member.id,
			action: 'staff.warned',
			targetId: user.id,
			details: { reason }
		});
		const count = await data.db.staffWarning.count({ where: { staffId: user.id } });
		await context.reply(
			context.t(LanguageKeys.Analytics.StaffWarned, { staff: `<@${user.id}>`, count, reason: userText(reason, 500) })
		);
	}
};
