import { parseRoleInput } from '../../lib/access/roles.js';
import { container } from '@sapphire/framework';
import { ChannelType } from 'discord.js';
import { parsePriority, parseQuestions, parseTags } from '../../lib/categories/parse.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { parseEmoji } from '../../lib/text/emoji.js';
import { PRIORITIES } from '../../lib/config/schema.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { refuse } from '../../lib/errors/Refusal.js';

const KEY = /^[a-z0-9][a-z0-9_-]{0,31}$/;

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
			name: 'questions',
			type: 'string',
			description: 'Form: Label | paragraph | optional | 10-500 | /regex/ ; …',
			maxLength: 2000
		}
	],
	async run(context) {
		const { options, guild, t } = context;
		const key = options.string('key')!.toLowerCase();
		if (!KEY.test(key)) refuse(LanguageKeys.Categories.BadKey, { key: userText(key, 40) });
		const staffRoleIds = options.has('staff_roles')
			? parseRoleInput(options.string('staff_roles')!, guild.id, container.ticketServices.roles)
			: undefined;
		const data = container.db.forGuild(guild.id);
		const { category, created } = await container.categories.upsert(data, key, {
			displayName: options.string('display_name')!,
			...(options.has('description') ? { description: options.string('description') } : {}),
			...(options.has('emoji') ? { emoji: parseEmoji(options.string('emoji')!) } : {}),
			...(options.has('sla_minutes') ? { slaMinutes: options.integer('sla_minutes') } : {}),
			...(options.has('default_priority') ? { defaultPriority: parsePriority(options.string('default_priority')!) } : {}),
			...(options.has('default_tags') ? { defaultTags: parseTags(options.string('default_tags')!) } : {}),
			...(staffRoleIds ? { staffRoleIds } : {}),
			...(options.has('parent') ? { parentChannelId: options.channel('parent')!.id } : {}),
			...(options.has('anonymous') ? { anonymousAllowed: options.boolean('anonymous')! } : {}),
			...(options.has('captcha') ? { captcha: options.boolean('captcha')! } : {}),
			...(options.has('questions') ? { questions: parseQuestions(options.string('questions')!) } : {})
		});
		await container.audit.record(data, {
			actorId: context.member.id,
			action: created ? 'category.created' : 'category.updated',
			details: { key }
		});
		const text = t(created ? LanguageKeys.Categories.Created : LanguageKeys.Categories.Updated, {
			name: userText(category.displayName, 80),
			key: category.key
		});
		await context.reply(text);
	}
};
