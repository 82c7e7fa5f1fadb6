import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { securityEventsPage } from '../../lib/security/report.js';
import { SECURITY_EVENT_TYPES, type SecurityEventType } from '../../lib/model/securityEvents.js';

export const events: SubcommandDefinition = {
	name: 'events',
	description: 'Recent security events, newest first',
	answer: 'private',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'type', type: 'string', description: 'Only this kind of event', choices: SECURITY_EVENT_TYPES },
		{ name: 'member', type: 'user', description: 'Only events about this member' },
		{ name: 'page', type: 'integer', description: 'Page number', min: 1, max: 9999 }
	],
	async run(context) {
		const { options } = context;
		const type = options.string('type') as SecurityEventType | null;
		const page = await securityEventsPage(
			container.db.forGuild(context.guild.id),
			{
				page: (options.integer('page') ?? 1) - 1,
				type: type ? SECURITY_EVENT_TYPES.indexOf(type) + 1 : 0,
				userId: options.user('member')?.id ?? '0'
			},
			context.t,
			context.member.id
		);
		await context.reply(page);
	}
};
