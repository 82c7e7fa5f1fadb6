import { Locale } from 'discord-api-types/v10';
import type { Emulator } from '../Emulator.js';
import type { EApplicationCommand } from '../state.js';
import { Errors, type RestRequest, type Router } from './router.js';

const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

const LOCALES = new Set<string>(Object.values(Locale));

/** Discord's checks of a command, its subcommands, options and choices: descriptions, names and their translations. */
function validateCommand(body: Record<string, unknown>): void {
	const problems: Record<string, string> = {};
	const type = (body.type as number | undefined) ?? 1;
	// Slash commands: lowercase words; user and message commands (context menus): any 1 to 32 characters.
	const validName =
		typeof body.name === 'string' &&
		(type === 1 ? COMMAND_NAME.test(body.name) && body.name === body.name.toLowerCase() : /^.{1,32}$/u.test(body.name));
	if (!validName) problems.name = 'Invalid command name.';
	if (type === 1) validateDescriptions(body, '', problems);
	if (Array.isArray(body.options) && body.options.length > 25) problems.options = 'Must be 25 or fewer in length.';
	if (Object.keys(problems).length > 0) throw Errors.invalidForm(problems);
}

function validateDescriptions(node: Record<string, unknown>, at: string, problems: Record<string, string>): void {
	const tooLong = (text: unknown) => typeof text !== 'string' || text.length < 1 || text.length > 100;
	if (tooLong(node.description)) problems[`${at}description`] = 'Must be between 1 and 100 in length.';
	const validateLocalizations = (localized: Record<string, unknown>, field: string) => {
		for (const [locale, text] of Object.entries(localized)) {
			if (!LOCALES.has(locale)) problems[`${field}.${locale}`] = 'Invalid locale.';
			else if (tooLong(text)) problems[`${field}.${locale}`] = 'Must be between 1 and 100 in length.';
		}
	};
	validateLocalizations((node.description_localizations ?? {}) as Record<string, unknown>, `${at}description_localizations`);
	const choices = Array.isArray(node.choices) ? (node.choices as Record<string, unknown>[]) : [];
	choices.forEach((choice, index) => {
		if (tooLong(choice.name)) problems[`${at}choices.${index}.name`] = 'Must be between 1 and 100 in length.';
		validateLocalizations(
			(choice.name_localizations ?? {}) as Record<string, unknown>,
			`${at}choices.${index}.name_localizations`
		);
	});
	const options = Array.isArray(node.options) ? (node.options as Record<string, unknown>[]) : [];
	options.forEach((option, index) => validateDescriptions(option, `${at}options.${index}.`, problems));
}

/** A command as Discord returns it: what was sent, with the fields Discord fills in. */
export function apiCommand(command: EApplicationCommand) {
	return {
		type: 1,
		name_localizations: null,
		description_localizations: null,
		default_member_permissions: null,
		nsfw: false,
		contexts: null,
		options: [],
		...command.body,
		id: command.id,
		application_id: command.applicationId,
		version: command.version,
		...(command.guildId ? { guild_id: command.guildId } : {})
	};
}

export function applicationRoutes(router: Router, emulator: Emulator): void {
	const { state } = emulator;
	const scopeOf = (request: RestRequest) => {
		if (request.params.applicationId !== state.applicationId) throw Errors.unknownCommand();
		const guildId = request.params.guildId ?? null;
		if (guildId && !state.guilds.has(guildId)) throw Errors.unknownGuild();
		return guildId;
	};
	const listed = (guildId: string | null) => [...state.commands.values()].filter((command) => command.guildId === guildId);
	const create = (guildId: string | null, body: Record<string, unknown>): EApplicationCommand => {
		validateCommand(body);
		const type = (body.type as number | undefined) ?? 1;
		const existing = listed(guildId).find(
			(command) => command.body.name === body.name && ((command.body.type as number | undefined) ?? 1) === type
		);
		const command: EApplicationCommand = {
			id: existing?.id ?? state.newId(),
			applicationId: state.applicationId,
			guildId,
			version: state.newId(),
			body
		};
		state.commands.set(command.id, command);
		return command;
	};

	for (const base of ['/applications/:applicationId/commands', '/applications/:applicationId/guilds/:guildId/commands']) {
		router.add('GET', base, (request) => ({ body: listed(scopeOf(request)).map(apiCommand) }));
		router.add('POST', base, (request) => ({ status: 201, body: apiCommand(create(scopeOf(request), request.body)) }));
		router.add('PUT', base, (request) => {
			const guildId = scopeOf(request);
			for (const command of listed(guildId)) state.commands.delete(command.id);
			return { body: (request.body as Record<string, unknown>[]).map((body) => apiCommand(create(guildId, body))) };
		});
		router.add('GET', `${base}/:commandId`, (request) => {
			const command = state.commands.get(request.params.commandId!);
			if (!command || command.guildId !== scopeOf(request)) throw Errors.unknownCommand();
			return { body: apiCommand(command) };
		});
		router.add('PATCH', `${base}/:commandId`, (request) => {
			const command = state.commands.get(request.params.commandId!);
			if (!command || command.guildId !== scopeOf(request)) throw Errors.unknownCommand();
			const body = { ...command.body, ...request.body };
			validateCommand(body);
			Object.assign(command, { body, version: state.newId() });
			return { body: apiCommand(command) };
		});
		router.add('DELETE', `${base}/:commandId`, (request) => {
			const command = state.commands.get(request.params.commandId!);
			if (!command || command.guildId !== scopeOf(request)) throw Errors.unknownCommand();
			state.commands.delete(command.id);
		});
	}

	router.add('GET', '/applications/@me', () => ({
		body: {
			id: state.applicationId,
			name: state.botUser.username,
			icon: null,
			description: '',
			bot_public: true,
			bot_require_code_grant: false,
			flags: 0,
			owner: state.apiUser(emulator.botId),
			team: null,
			verify_key: '0'.repeat(64)
		}
	}));
}
