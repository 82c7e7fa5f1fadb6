import { z } from 'zod';
import { categorySchema, channelPatternSchema, prefixSchema } from '../config/schema.js';
import { DEPARTMENT_NAME, MAX_DEPARTMENTS } from '../departments/departments.js';
import { SUPPORTED_LOCALES } from '../i18n/locales.js';
import { PANEL_MODES, PANEL_STYLES } from '../panels/PanelService.js';
import { NUMBER_RULE_NAMES, NUMBER_RULES, type NumberRule } from '../settings/guildRules.js';
import { SNIPPET_EMBED_MAX, SNIPPET_NAME, SNIPPET_TITLE_MAX, SNIPPETS_PER_GUILD } from '../snippets/snippets.js';

/** What a configuration backup file holds, checked in full before anything is restored. */
const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord ID');
const roles = z.array(snowflake).max(25);
const count = (min: number, max: number) => z.number().int().min(min).max(max);

export const BACKUP_FORMAT = 'ticket-bot-config';
export const BACKUP_VERSION = 1;

export const backupSchema = z
	.object({
		format: z.literal(BACKUP_FORMAT),
		version: z.literal(BACKUP_VERSION),
		guildId: snowflake,
		createdAt: z.iso.datetime(),
		settings: z
			.object({
				locale: z.enum(SUPPORTED_LOCALES).nullable(),
				prefix: prefixSchema.nullable(),
				channelNamePattern: channelPatternSchema.nullable(),
				allowOpenerClose: z.boolean().nullable(),
				// Every whole-number rule, in its own range; a rule newer than the backup is simply absent.
				...(Object.fromEntries(
					NUMBER_RULE_NAMES.map((name) => [name, count(NUMBER_RULES[name].min, NUMBER_RULES[name].max).nullable().optional()])
				) as Record<NumberRule, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>),
				dmTranscripts: z.boolean(),
				transcriptChannelId: snowflake.nullable(),
				logChannelId: snowflake.nullable(),
				ticketParentId: snowflake.nullable(),
				supportRoleIds: roles,
				adminRoleIds: roles,
				escalationRoleIds: roles
			})
			.strict(),
		categories: z.array(categorySchema.extend({ staffRoleIds: roles, parentChannelId: snowflake.nullable() })).max(25),
		departments: z
			.array(z.object({ name: z.string().regex(DEPARTMENT_NAME), staffRoleIds: roles }).strict())
			.max(MAX_DEPARTMENTS),
		panels: z
			.array(
				z
					.object({
						key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/),
						channelId: snowflake,
						title: z.string().min(1).max(256),
						description: z.string().max(4000).nullable(),
						buttonLabel: z.string().max(80).nullable(),
						emoji: z.string().max(64).nullable(),
						buttonStyle: z.enum(PANEL_STYLES as [string, ...string[]]),
						mode: z.enum(PANEL_MODES as [string, ...string[]]),
						categoryKeys: z.array(z.string().max(32)).max(25),
						messageId: snowflake.nullable()
					})
					.strict()
			)
			.max(25),
		// Absent from backups made before snippets existed: restoring one of those keeps today's snippets.
		snippets: z
			.array(
				z
					.object({
						name: z.string().regex(SNIPPET_NAME),
						content: z.string().min(1).max(SNIPPET_EMBED_MAX),
						embed: z.boolean(),
						title: z.string().max(SNIPPET_TITLE_MAX).nullable(),
						createdById: snowflake
					})
					.strict()
			)
			.max(SNIPPETS_PER_GUILD)
			.optional()
	})
	.strict()
	.refine((backup) => new Set(backup.categories.map((category) => category.key)).size === backup.categories.length, {
		message: 'category keys must be unique',
		path: ['categories']
	});

export type BackupFile = z.infer<typeof backupSchema>;

/** Where a value is wrong in a backup that does not pass: "categories.2.key". */
export function firstProblem(error: z.ZodError): string {
	const issue = error.issues[0]!;
	return `${issue.path.join('.') || '(file)'}: ${issue.message}`.slice(0, 200);
}
