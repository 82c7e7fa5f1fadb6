import { container } from '@sapphire/framework';
import { ChannelType } from 'discord.js';
import { callerOf } from '../../lib/chat/caller.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { PRIORITIES } from '../../lib/config/schema.js';
import { discordText } from '../../lib/discord/render.js';
import { saveCategory } from '../../lib/settings/categorySettings.js';

export const categoryUpsert: SubcommandDefinition = {
	name: 'category_upsert',
	description: 'Create or update a ticket category',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'key', type: 'string', description: 'Short ID, e.g. billing', required: true, maxLength: 32, rest: false },
		{ name: 'display_name', type: 'string', description: 'Name shown to members', required: true, maxLength: 80, rest: false },
		{ name: 'sla_minutes', type: 'integer', description: 'First answer expected within (minutes)', min: 1, max: 525_600 },
		{ name: 'default_priority', type: 'string', description: 'Priority of new tickets', choices: PRIORITIES },
		{ name: 'default_tags', type: 'string', description: 'Tags of new tickets, comma-separated', maxLength: 400, rest: false },
		{
			name: 'staff_roles',
			type: 'string',
			description: 'Roles that handle this category (mentions or IDs)',
			maxLength: 500,
			rest: false
		},
		{
			name: 'parent',
			type: 'channel',
			description: 'Discord category for the ticket channels',
			channelTypes: [ChannelType.GuildCategory]
		},
		{ name: 'anonymous', type: 'boolean', description: 'Allow anonymous tickets' },
		{ name: 'captcha', type: 'boolean', description: 'Ask a captcha before opening' },
		{ name: 'description', type: 'string', description: 'Shown under the name in panels', maxLength: 100, rest: false },
		{ name: 'emoji', type: 'string', description: 'Emoji shown in panels', maxLength: 64, rest: false },
		{
			name: 'working_hours',
			type: 'string',
			description: 'SLA hours: Europe/Paris; mon-fri 09:00-17:00; closed 2026-12-25 (empty: always)',
			maxLength: 500,
			rest: false
		},
		{
			name: 'out_of_hours',
			type: 'string',
			description: 'Out of hours: notice (open, say when) or pause',
			choices: ['notice', 'pause']
		},
		{
			name: 'resolution_sla_minutes',
			type: 'integer',
			description: 'Resolution expected within (working minutes)',
			min: 1,
			max: 525_600
		},
		{
			name: 'questions',
			type: 'string',
			description: 'Form: Label | paragraph | optional | 10-500 | /regex/ ; …',
			maxLength: 2000
		}
	],
	async run(context) {
		const { options } = context;
		const text = (name: string) => (options.has(name) ? options.string(name)! : undefined);
		const done = await saveCategory(container, callerOf(container, context.member), context.guild.id, {
			key: options.string('key')!,
			displayName: options.string('display_name')!,
			description: text('description'),
			emoji: text('emoji'),
			slaMinutes: options.has('sla_minutes') ? options.integer('sla_minutes') : undefined,
			defaultPriority: text('default_priority'),
			defaultTags: text('default_tags'),
			staffRoles: text('staff_roles'),
			parentChannelId: options.has('parent') ? options.channel('parent')!.id : undefined,
			anonymous: options.has('anonymous') ? options.boolean('anonymous')! : undefined,
			captcha: options.has('captcha') ? options.boolean('captcha')! : undefined,
			questions: text('questions'),
			workingHours: text('working_hours'),
			outOfHours: text('out_of_hours'),
			resolutionSlaMinutes: options.has('resolution_sla_minutes') ? options.integer('resolution_sla_minutes') : undefined
		});
		await context.reply(discordText(context.t, done));
	}
};
