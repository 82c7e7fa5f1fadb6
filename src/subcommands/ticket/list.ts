import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LIST_STATUSES, ticketListPage, type ListStatus } from '../../lib/tickets/listing.js';

export const list: SubcommandDefinition = {
	name: 'list',
	description: 'List tickets: staff see the ones they work, members their own',
	options: [
		{ name: 'status', type: 'string', description: 'open, closed or all (default: all)', choices: LIST_STATUSES },
		{ name: 'category', type: 'string', description: 'Only this category (key)', maxLength: 32, rest: false },
		{ name: 'member', type: 'user', description: 'Only tickets of this member (staff)' },
		{ name: 'page', type: 'integer', description: 'Page number', min: 1, max: 9999 }
	],
	async run(context) {
		const { options } = context;
		const data = container.db.forGuild(context.guild.id);
		const category = options.has('category') ? await container.categories.requireByKey(data, options.string('category')!) : null;
		const page = await ticketListPage(
			data,
			context.member,
			{
				page: (options.integer('page') ?? 1) - 1,
				status: LIST_STATUSES.indexOf((options.string('status') ?? 'all') as ListStatus),
				categoryId: category?.id ?? 0,
				userId: options.user('member')?.id ?? '0'
			},
			context.t
		);
		await context.reply({ ...page, ephemeral: true });
	}
};
