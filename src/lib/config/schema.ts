import { z } from 'zod';
import { formatWorkingHours, parseWorkingHours, WorkingHoursError } from '../hours/workingHours.js';
import { patternProblem } from '../text/safePattern.js';
import { isEmoji } from '../text/emoji.js';
import { SUPPORTED_LOCALES } from '../i18n/locales.js';
import { channelPatternProblem } from '../text/channelName.js';

import { PRIORITIES, type Priority } from '../model/priorities.js';

export { PRIORITIES, type Priority };

const count = (min: number, max: number) => {
	const message = `expected a whole number from ${min} to ${max}`;
	return z.number({ message }).int(message).min(min, message).max(max, message);
};

/** A message-command prefix; a guild's own one (/admin settings) follows the same rule. */
export const prefixSchema = z.string().regex(/^[^\s`]{1,5}$/, 'expected 1 to 5 characters without spaces or backticks');

/** A ticket channel name pattern; a guild's own one follows the same rule. */
export const channelPatternSchema = z
	.string()
	.min(1)
	.max(90)
	.refine((pattern) => channelPatternProblem(pattern) !== 'number', 'must contain {number} so every channel name is unique')
	.refine(
		(pattern) => channelPatternProblem(pattern) !== 'placeholder',
		'the placeholders are {number}, {username} and {category}'
	);

export const questionSchema = z
	.object({
		label: z.string().trim().min(1).max(45),
		placeholder: z.string().max(100).optional(),
		style: z.enum(['short', 'paragraph']).default('short'),
		required: z.boolean().default(true),
		minLength: count(0, 4000).optional(),
		maxLength: count(1, 4000).optional(),
		pattern: z
			.string()
			.max(200)
			.refine((pattern) => patternProblem(pattern) !== 'invalid', 'expected a valid regular expression')
			.refine(
				(pattern) => patternProblem(pattern) !== 'slow',
				'a repeated group that itself repeats or has alternatives (like (a+)+) could stall the bot: simplify it'
			)
			.optional()
	})
	.strict()
	.refine((q) => q.minLength === undefined || q.maxLength === undefined || q.minLength <= q.maxLength, {
		message: 'minLength must not exceed maxLength',
		path: ['minLength']
	});

export const categorySchema = z
	.object({
		key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'expected 1 to 32 lowercase letters, digits, - or _'),
		displayName: z.string().trim().min(1).max(80),
		description: z.string().max(100).optional(),
		emoji: z
			.string()
			.max(64)
			.refine((emoji) => isEmoji(emoji), 'expected one emoji, like 🎫, or a custom emoji as <:name:id>')
			.optional(),
		slaMinutes: count(1, 525_600).optional(),
		resolutionSlaMinutes: count(1, 525_600).optional(),
		workingHours: z
			.string()
			.max(500)
			.transform((text, context) => {
				try {
					return formatWorkingHours(parseWorkingHours(text));
				} catch (error) {
					if (!(error instanceof WorkingHoursError)) throw error;
					context.addIssue({
						code: 'custom',
						message: `cannot read "${error.message}" (e.g. "Europe/Paris; mon-fri 09:00-17:00")`
					});
					return z.NEVER;
				}
			})
			.optional(),
		outOfHours: z.enum(['notice', 'pause']).default('notice'),
		defaultPriority: z.enum(PRIORITIES).default('normal'),
		defaultTags: z.array(z.string().trim().min(1).max(32)).max(10).default([]),
		anonymousAllowed: z.boolean().default(false),
		captcha: z.boolean().default(false),
		questions: z.array(questionSchema).max(5, 'a Discord modal holds at most 5 questions').default([])
	})
	.strict();

export const configSchema = z
	.object({
		defaults: z
			.object({
				prefix: prefixSchema.default('!'),
				locale: z.enum(SUPPORTED_LOCALES).default('en-US')
			})
			.strict()
			.prefault({}),
		tickets: z
			.object({
				channelNamePattern: channelPatternSchema.default('ticket-{number}'),
				maxOpenPerUser: count(1, 50).default(3),
				cooldownSeconds: count(0, 86_400).default(60),
				hourlyLimit: count(1, 1000).default(10),
				allowOpenerClose: z.boolean().default(true),
				inactivity: z
					.object({
						warnAfterHours: count(0, 8760).default(48),
						closeAfterHours: count(1, 8760).default(24)
					})
					.strict()
					.prefault({})
			})
			.strict()
			.prefault({}),
		categories: z
			.array(categorySchema)
			.max(25, 'a panel can offer at most 25 categories')
			.refine((list) => new Set(list.map((c) => c.key)).size === list.length, 'category keys must be unique')
			.default([
				{
					key: 'general',
					displayName: 'General support',
					outOfHours: 'notice',
					defaultPriority: 'normal',
					defaultTags: [],
					anonymousAllowed: false,
					captcha: false,
					questions: []
				}
			]),
		security: z
			.object({
				antiSpam: z
					.object({
						messages: count(2, 100).default(8),
						perSeconds: count(1, 600).default(10),
						timeoutMinutes: count(0, 40_320).default(0)
					})
					.strict()
					.prefault({}),
				antiRaid: z
					.object({
						joins: count(2, 10_000).default(15),
						perSeconds: count(1, 3600).default(60),
						raidModeMinutes: count(1, 1440).default(15)
					})
					.strict()
					.prefault({})
			})
			.strict()
			.prefault({}),
		storage: z
			.object({
				transcriptsDir: z.string().min(1).default('data/transcripts'),
				backupsDir: z.string().min(1).default('data/backups'),
				// Attachments copied beside a closed ticket's transcript, oldest first, up to this many MiB (0: none).
				attachmentsPerTicketMb: z.number().min(0).max(1024).default(25)
			})
			.strict()
			.prefault({}),
		web: z
			.object({
				// Dashboard and API requests one address may make a minute (API tokens have their own limit too).
				requestsPerMinute: count(10, 100_000).default(300)
			})
			.strict()
			.prefault({}),
		reliability: z
			.object({
				// A ticket creation or change a stopped process left unfinished this long is finished or undone by
				// the sweep (every 5 minutes, and at start-up); one still running in another process is younger.
				repairAfterSeconds: count(5, 3600).default(60),
				// From this many invalid requests (401, 403, 429) in 10 minutes, log channel posts and transcript
				// DMs are skipped: Discord bans for an hour at 10,000.
				invalidRequestsBreakAt: count(10, 9_000).default(5_000)
			})
			.strict()
			.prefault({}),
		webhooks: z
			.object({
				// A failed delivery is tried again after retrySeconds, then twice as long each time (at most an hour).
				retrySeconds: z.number().min(0.1).max(3600).default(10),
				maxAttempts: count(1, 20).default(8)
			})
			.strict()
			.prefault({})
	})
	.strict();

export type BotConfig = z.infer<typeof configSchema>;
export type CategoryDefaults = BotConfig['categories'][number];
