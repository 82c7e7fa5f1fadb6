import { entryAuthor, type Actor } from '../access/actor.js';
import { parseRoleInput } from '../access/roles.js';
import { OUT_OF_HOURS, type CategoryChanges, type CategoryService, type OutOfHours } from '../categories/CategoryService.js';
import { formatWorkingHours, parseWorkingHours, WorkingHoursError } from '../hours/workingHours.js';
import { parsePriority, parseQuestions, parseTags, type QuestionInput } from '../categories/parse.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, userWritten, type Notice } from '../i18n/notice.js';
import { parseEmoji } from '../text/emoji.js';
import { requireAdmin, type SettingsServices } from './adminSettings.js';

type CategoryServices = Pick<SettingsServices, 'ticketServices'> & { readonly categories: CategoryService };

const KEY = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const MAX_SLA_MINUTES = 525_600;

/**
 * A category as an admin types it (a command's options, the dashboard's form): a field left out keeps
 * its value; an empty text clears what may be cleared (description, emoji, SLA, Discord category).
 */
export interface CategoryInput {
	key: string;
	displayName: string;
	description?: string;
	emoji?: string;
	slaMinutes?: number | null;
	resolutionSlaMinutes?: number | null;
	/** "Europe/Paris; mon-fri 09:00-17:00; closed 2026-12-25"; empty: always staffed. */
	workingHours?: string;
	outOfHours?: string;
	defaultPriority?: string;
	defaultTags?: string;
	/** Role mentions or IDs, as every role option takes them. */
	staffRoles?: string;
	/** The Discord category the ticket channels go under (the surface checks it is one), or null. */
	parentChannelId?: string | null;
	anonymous?: boolean;
	captcha?: boolean;
	/** `Label | paragraph | optional | 10-500 | /regex/ ; …` */
	questions?: string;
}

/** A schedule as stored (normalized), or a refusal that shows how one is written. */
function storedHours(text: string): string {
	try {
		return formatWorkingHours(parseWorkingHours(text));
	} catch (error) {
		if (error instanceof WorkingHoursError) refuse(LanguageKeys.Categories.BadHours, { part: userWritten(error.message, 100) });
		throw error;
	}
}

/** The input checked and parsed: one bad value refuses it all, so nothing is half saved. */
function categoryChanges(services: CategoryServices, guildId: string, input: CategoryInput): CategoryChanges {
	const displayName = input.displayName.trim();
	if (displayName.length < 1 || displayName.length > 80) refuse(LanguageKeys.Errors.InvalidOption, { argument: 'display_name' });
	const text = (value: string | undefined) => (value === undefined ? undefined : value.trim() || null);
	const description = text(input.description);
	if (description && description.length > 100) refuse(LanguageKeys.Errors.InvalidOption, { argument: 'description' });
	const emoji = text(input.emoji);
	const minutes = (value: number | null | undefined, argument: string) => {
		if (value != null && (!Number.isInteger(value) || value < 1 || value > MAX_SLA_MINUTES))
			refuse(LanguageKeys.Errors.InvalidOption, { argument });
		return value;
	};
	const sla = minutes(input.slaMinutes, 'sla_minutes');
	const resolution = minutes(input.resolutionSlaMinutes, 'resolution_sla_minutes');
	const hours = text(input.workingHours);
	const outOfHours = input.outOfHours?.trim().toLowerCase();
	if (outOfHours !== undefined && !(OUT_OF_HOURS as readonly string[]).includes(outOfHours))
		refuse(LanguageKeys.Errors.InvalidChoice, { argument: 'out_of_hours', choices: OUT_OF_HOURS.join(', ') });
	return {
		displayName,
		...(description !== undefined ? { description } : {}),
		...(emoji !== undefined ? { emoji: emoji === null ? null : parseEmoji(emoji) } : {}),
		...(sla !== undefined ? { slaMinutes: sla } : {}),
		...(resolution !== undefined ? { resolutionSlaMinutes: resolution } : {}),
		...(hours !== undefined ? { workingHours: hours === null ? null : storedHours(hours) } : {}),
		...(outOfHours !== undefined ? { outOfHours: outOfHours as OutOfHours } : {}),
		...(input.defaultPriority !== undefined ? { defaultPriority: parsePriority(input.defaultPriority) } : {}),
		...(input.defaultTags !== undefined ? { defaultTags: parseTags(input.defaultTags) } : {}),
		...(input.staffRoles !== undefined
			? { staffRoleIds: parseRoleInput(input.staffRoles, guildId, services.ticketServices.roles) }
			: {}),
		...(input.parentChannelId !== undefined ? { parentChannelId: input.parentChannelId } : {}),
		...(input.anonymous !== undefined ? { anonymousAllowed: input.anonymous } : {}),
		...(input.captcha !== undefined ? { captcha: input.captcha } : {}),
		...(input.questions !== undefined ? { questions: parseQuestions(input.questions) } : {})
	};
}

/** /admin category_upsert and the dashboard's category forms: creates or updates one, audited. */
export async function saveCategory(
	services: CategoryServices,
	actor: Actor,
	guildId: string,
	input: CategoryInput
): Promise<Notice> {
	const data = await requireAdmin(services, actor, guildId);
	const key = input.key.trim().toLowerCase();
	if (!KEY.test(key)) refuse(LanguageKeys.Categories.BadKey, { key: userWritten(key, 40) });
	const { category, created } = await services.categories.upsert(data, key, categoryChanges(services, guildId, input));
	await services.ticketServices.audit.record(data, {
		...entryAuthor(actor),
		action: created ? 'category.created' : 'category.updated',
		details: { key }
	});
	return notice(created ? LanguageKeys.Categories.Created : LanguageKeys.Categories.Updated, {
		name: userWritten(category.displayName, 80),
		key: category.key
	});
}

/** /admin category_delete and the dashboard's: only a category no ticket was filed under; its panels let go of it. */
export async function deleteCategory(
	services: CategoryServices,
	actor: Actor,
	guildId: string,
	key: string
): Promise<{ done: Notice; panels: string[] }> {
	const data = await requireAdmin(services, actor, guildId);
	const { category, panels } = await services.categories.delete(data, key.trim().toLowerCase());
	await services.ticketServices.audit.record(data, {
		...entryAuthor(actor),
		action: 'category.deleted',
		details: { key: category.key, panels }
	});
	return {
		done: notice(LanguageKeys.Categories.Deleted, { name: userWritten(category.displayName, 80), key: category.key }),
		panels
	};
}

/** Questions written back in the syntax parseQuestions reads, to show them in a form. */
export function questionsText(questions: readonly QuestionInput[]): string {
	return questions
		.map((question) => {
			const parts = [question.label];
			if (question.style === 'paragraph') parts.push('paragraph');
			if (!question.required) parts.push('optional');
			if (question.minLength !== null || question.maxLength !== null)
				parts.push(`${question.minLength ?? ''}-${question.maxLength ?? ''}`);
			if (question.pattern) parts.push(`/${question.pattern}/`);
			return parts.join(' | ');
		})
		.join(' ; ');
}
