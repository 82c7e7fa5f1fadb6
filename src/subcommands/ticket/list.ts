import { container } from '@sapphire/framework';
import { callerOf } from '../../lib/chat/caller.js';
import { listMessage } from '../../lib/chat/render.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LIST_STATUSES, ticketList, type ListStatus } from '../../lib/tickets/list.js';

export const list: SubcommandDefinition = {
	name: 'list',
	description: 'List tickets: staff see the ones they work, members their own',
	answer: ticketList.audience,
	options: [
		{ name: 'status', type: 'string', description: 'open, closed or all (default: all)', choices: LIST_STATUSES },
		{ name: 'category', type: 'string', description: 'Only this category (key)', maxLength: 32, rest: false },
		{ name: 'member', type: 'user', description: 'Only tickets of this member (staff)' },
		{ name: 'page', type: 'integer', description: 'Page number', min: 1, max: 9999 }
	],
	async run(context) {
		const { options } = context;
		const services = container.ticketServices;
		const data = services.db.forGuild(context.guild.id);
		const category = options.has('category') ? await container.categories.requireByKey(data, options.string('category')!) : null;
		const shown = await ticketList.run(services, callerOf(context.services, context.member), context.guild.id, {
			page: (options.integer('page') ?? 1) - 1,
			status: LIST_STATUSES.indexOf((options.string('status') ?? 'all') as ListStatus),
			categoryId: category?.id ?? 0,
			userId: options.user('member')?.id ?? '0'
		});
		await context.reply(listMessage(context.t, shown, context.member.id));
	}
};
