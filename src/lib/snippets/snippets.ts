import { entryAuthor, type Actor } from '../access/actor.js';
import { actorIsGuildStaff } from '../access/guildAccess.js';
import type { GuildData } from '../database/guildData.js';
import { userText } from '../discord/escape.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { userWritten } from '../i18n/notice.js';
import { cut } from '../text/cut.js';
import type { TicketServices } from '../tickets/services.js';

/**
 * Canned replies (snippets): a guild's staff keep them with /snippet add|edit|remove|list and send one into
 * a ticket with /snippet send (see send.ts). Every use case here checks the staff policy itself,
 * so the chat surfaces and the web read the same answer.
 */

/** Lowercase letters, digits, - and _, starting with a letter or digit: what autocomplete offers. */
export const SNIPPET_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const SNIPPET_NAME_MAX = 32;
/** Discord's limits: a message's text, an embed's description and title. */
export const SNIPPET_CONTENT_MAX = 2000;
export const SNIPPET_EMBED_MAX = 4096;
export const SNIPPET_TITLE_MAX = 256;
/** How many snippets one guild keeps (autocomplete shows 25 at a time, filtered by what is typed). */
export const SNIPPETS_PER_GUILD = 200;

/** The variables a snippet's text may hold, filled in when it is sent. */
export const SNIPPET_VARIABLES = ['opener', 'staff', 'ticket', 'category', 'server'] as const;
export type SnippetValues = Record<(typeof SNIPPET_VARIABLES)[number], string>;

export interface SnippetInput {
	name: string;
	content: string | null;
	embed: boolean | null;
	title: string | null;
}

export interface SnippetRow {
	id: number;
	name: string;
	content: string;
	embed: boolean;
	title: string | null;
	uses: number;
}

type SnippetServices = Pick<TicketServices, 'db' | 'roles' | 'log' | 'audit'>;

async function requireStaff(services: SnippetServices, actor: Actor, guildId: string): Promise<GuildData> {
	if (!(await actorIsGuildStaff(services, guildId, actor))) refuse(LanguageKeys.Snippets.StaffOnly);
	return services.db.forGuild(guildId);
}

/** A name as typed (any case, spaces around), or a refusal that says what a name may hold. */
export function snippetName(typed: string): string {
	const name = typed.trim().toLowerCase();
	if (!SNIPPET_NAME.test(name)) refuse(LanguageKeys.Snippets.BadName, { name: userWritten(typed, SNIPPET_NAME_MAX + 8) });
	return name;
}

/** A snippet's text as stored: `\n` typed in a slash option (which holds one line) is a line break. */
function storedContent(content: string): string {
	const text = content.replace(/\\n/g, '\n').trim();
	if (!text) refuse(LanguageKeys.Snippets.Empty);
	return text;
}

/** The snippet of this name, or a refusal that points at /snippet list. */
export async function findSnippet(data: GuildData, typed: string): Promise<SnippetRow> {
	const name = snippetName(typed);
	const row = await data.db.snippet.findUnique({ where: { guildId_name: { guildId: data.guildId, name } } });
	if (!row) refuse(LanguageKeys.Snippets.Unknown, { name: userWritten(name, SNIPPET_NAME_MAX) });
	return row;
}

export async function addSnippet(
	services: SnippetServices,
	actor: Actor,
	guildId: string,
	input: SnippetInput
): Promise<SnippetRow> {
	const data = await requireStaff(services, actor, guildId);
	const name = snippetName(input.name);
	if (input.content === null) refuse(LanguageKeys.Errors.MissingArgument, { argument: 'content' });
	const content = storedContent(input.content);
	if ((await data.db.snippet.count()) >= SNIPPETS_PER_GUILD) refuse(LanguageKeys.Snippets.TooMany, { count: SNIPPETS_PER_GUILD });
	const title = input.title?.trim() || null;
	const row = await data.db.snippet
		.create({
			data: { guildId, name, content, title, embed: input.embed ?? title !== null, createdById: actor.userId }
		})
		.catch((error: unknown) => {
			if ((error as { code?: string }).code === 'P2002')
				refuse(LanguageKeys.Snippets.Exists, { name: userWritten(name, SNIPPET_NAME_MAX) });
			throw error;
		});
	await services.audit.record(data, { ...entryAuthor(actor), action: 'snippet.created', details: { name } });
	return row;
}

/** Changes what is given (text, embed, title: an empty title removes it); the rest stays. */
export async function editSnippet(
	services: SnippetServices,
	actor: Actor,
	guildId: string,
	input: SnippetInput
): Promise<SnippetRow> {
	const data = await requireStaff(services, actor, guildId);
	const current = await findSnippet(data, input.name);
	if (input.content === null && input.embed === null && input.title === null) refuse(LanguageKeys.Snippets.NothingToChange);
	const title = input.title === null ? current.title : input.title.trim() || null;
	const changes = {
		content: input.content === null ? current.content : storedContent(input.content),
		title,
		embed: input.embed ?? (input.title !== null && title !== null ? true : current.embed),
		updatedById: actor.userId
	};
	const { count } = await data.db.snippet.updateMany({ where: { id: current.id }, data: changes });
	if (count === 0) refuse(LanguageKeys.Snippets.Unknown, { name: userWritten(current.name, SNIPPET_NAME_MAX) });
	await services.audit.record(data, { ...entryAuthor(actor), action: 'snippet.updated', details: { name: current.name } });
	return { ...current, ...changes };
}

/** The snippet a staff member asked to edit (the form is filled with it). */
export async function snippetToEdit(
	services: SnippetServices,
	actor: Actor,
	guildId: string,
	typed: string
): Promise<SnippetRow> {
	return findSnippet(await requireStaff(services, actor, guildId), typed);
}

export async function removeSnippet(services: SnippetServices, actor: Actor, guildId: string, typed: string): Promise<string> {
	const data = await requireStaff(services, actor, guildId);
	const current = await findSnippet(data, typed);
	const { count } = await data.db.snippet.deleteMany({ where: { id: current.id } });
	if (count === 0) refuse(LanguageKeys.Snippets.Unknown, { name: userWritten(current.name, SNIPPET_NAME_MAX) });
	await services.audit.record(data, { ...entryAuthor(actor), action: 'snippet.deleted', details: { name: current.name } });
	return current.name;
}

export async function listSnippets(services: SnippetServices, actor: Actor, guildId: string): Promise<SnippetRow[]> {
	const data = await requireStaff(services, actor, guildId);
	return data.db.snippet.findMany({ orderBy: { name: 'asc' } });
}

/**
 * The names autocomplete offers for what is typed (those starting with it first, then those holding it),
 * Discord's 25 at most; nothing for a member who is not staff, so nobody else learns the names.
 */
export async function snippetNames(services: SnippetServices, actor: Actor, guildId: string, typed: string): Promise<string[]> {
	if (!(await actorIsGuildStaff(services, guildId, actor))) return [];
	const query = typed.trim().toLowerCase();
	const rows = await services.db
		.forGuild(guildId)
		.db.snippet.findMany({ select: { name: true }, orderBy: { name: 'asc' }, take: SNIPPETS_PER_GUILD });
	const names = rows.map((row) => row.name);
	const starting = names.filter((name) => name.startsWith(query));
	const holding = names.filter((name) => !name.startsWith(query) && name.includes(query));
	return [...starting, ...holding].slice(0, 25);
}

/**
 * A snippet's text with its variables filled in: mentions stay mentions, names (a category's, the
 * server's) are shown as written, never as markdown or a mass ping; cut to the message's limit.
 */
export function fillSnippet(snippet: Pick<SnippetRow, 'content' | 'embed'>, values: SnippetValues): string {
	const variable = new RegExp(`\\{(${SNIPPET_VARIABLES.join('|')})\\}`, 'g');
	const filled = snippet.content.replace(variable, (_, name: keyof SnippetValues) => values[name]);
	return cut(filled, snippet.embed ? SNIPPET_EMBED_MAX : SNIPPET_CONTENT_MAX);
}

/** A name someone wrote (a category's, the server's) as a snippet shows it. */
export const shownName = (name: string) => userText(name, 100);
