import { Identifiers, UserError } from '@sapphire/framework';
import { DiscordAPIError, MessageFlags } from 'discord.js';
import type { i18n } from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { discordText } from '../../src/lib/discord/render.js';
import { Refusal } from '../../src/lib/errors/Refusal.js';
import { reportError, type ErrorReporterDeps, type ErrorTarget } from '../../src/lib/chat/reportError.js';
import { notice, type Translate } from '../../src/lib/i18n/notice.js';
import { LanguageKeys } from '../../src/lib/i18n/languageKeys.js';
import { createI18n } from '../helpers/i18n.js';

let i18n: i18n;
beforeAll(async () => {
	i18n = await createI18n();
});

/** What Discord would have been asked to show: the reply payloads of a fake interaction or message. */
function interaction(state: { replied?: boolean; deferred?: boolean; ephemeral?: boolean | null; locale?: string } = {}) {
	const sent: { via: string; payload: { content: string; flags?: number } }[] = [];
	const target = {
		guildId: '100000000000000001',
		user: { id: '300000000000000003' },
		replied: state.replied ?? false,
		deferred: state.deferred ?? false,
		ephemeral: state.ephemeral === undefined ? false : state.ephemeral,
		isRepliable: () => true,
		reply: async (payload: never) => void sent.push({ via: 'reply', payload }),
		followUp: async (payload: never) => void sent.push({ via: 'followUp', payload }),
		editReply: async (payload: never) => void sent.push({ via: 'editReply', payload }),
		deleteReply: async () => void sent.push({ via: 'deleteReply', payload: { content: '' } }),
		locale: state.locale ?? 'en-US'
	};
	return { target: target as unknown as ErrorTarget, sent };
}

function deps(locale = 'en-US') {
	const log = { debug: vi.fn(), warn: vi.fn(), error: vi.fn() };
	const reporter: ErrorReporterDeps = {
		render: async (_target, message) => discordText(i18n.getFixedT(locale) as unknown as Translate, message),
		log: log as unknown as ErrorReporterDeps['log']
	};
	return { reporter, log };
}

describe('the shared error handler', () => {
	it('answers an unexpected error with an ephemeral reference and no stack, and logs the same reference', async () => {
		const { target, sent } = interaction();
		const { reporter, log } = deps();
		const bug = new TypeError("Cannot read properties of undefined (reading 'channelId')");
		await reportError(bug, target, { event: 'chatInputSubcommandError', piece: 'ticket' }, reporter);

		expect(sent).toHaveLength(1);
		const { via, payload } = sent[0]!;
		expect(via).toBe('reply');
		expect(payload.flags).toBe(MessageFlags.Ephemeral);
		const ref = /`(E-[0-9A-Z]{8})`/.exec(payload.content)?.[1];
		expect(ref).toBeDefined();
		expect(payload.content).toMatch(/^Something went wrong on our side and nothing was changed/);
		expect(payload.content).not.toMatch(/TypeError|channelId|at .*\.ts|node_modules/);

		expect(log.error).toHaveBeenCalledTimes(1);
		const [message, fields] = log.error.mock.calls[0]!;
		expect(message).toContain(ref);
		expect(fields).toMatchObject({
			ref,
			error: bug,
			piece: 'ticket',
			guildId: '100000000000000001',
			userId: '300000000000000003'
		});
	});

	it('tells the user to try again when Redis or the database is not answering, in their language, and logs a warning', async () => {
		const redisDown = Object.assign(new Error('Reached the max retries per request limit (which is 3).'), {
			name: 'MaxRetriesPerRequestError'
		});
		const databaseDown = Object.assign(new Error("Can't reach database server at `127.0.0.1:5432`"), {
			name: 'PrismaClientKnownRequestError',
			code: 'P1001'
		});
		const cases = [
			{ error: redisDown, locale: 'en-US', text: /^The bot cannot reach its shared store right now\. Nothing was changed/ },
			{ error: databaseDown, locale: 'en-US', text: /^The bot cannot reach its database right now\. Nothing was changed/ },
			{ error: databaseDown, locale: 'fr', text: /^Le bot n'arrive pas à joindre sa base de données/ }
		];
		for (const { error, locale, text } of cases) {
			const { target, sent } = interaction({ locale });
			const { reporter, log } = deps(locale);
			await reportError(error, target, { event: 'chatInputSubcommandError', piece: 'ticket' }, reporter);
			expect(sent[0]!.payload.content).toMatch(text);
			expect(sent[0]!.payload.flags).toBe(MessageFlags.Ephemeral);
			expect(log.error).not.toHaveBeenCalled();
			expect(log.warn).toHaveBeenCalledTimes(1);
		}
		// Any other Prisma error is still a bug with a reference.
		const { target, sent } = interaction();
		const other = Object.assign(new Error('Unique constraint failed'), { name: 'PrismaClientKnownRequestError', code: 'P2002' });
		await reportError(other, target, { event: 'chatInputSubcommandError', piece: 'ticket' }, deps().reporter);
		expect(sent[0]!.payload.content).toMatch(/^Something went wrong on our side/);
	});

	it('follows up when the interaction was already answered, and fills or replaces a deferred reply', async () => {
		const answered = interaction({ replied: true });
		await reportError(new Error('late failure'), answered.target, { event: 'interactionHandlerError' }, deps().reporter);
		expect(answered.sent.map((entry) => entry.via)).toEqual(['followUp']);
		expect(answered.sent[0]!.payload.flags).toBe(MessageFlags.Ephemeral);

		const deferred = interaction({ deferred: true, ephemeral: true });
		await reportError(new Error('late failure'), deferred.target, { event: 'interactionHandlerError' }, deps().reporter);
		expect(deferred.sent.map((entry) => entry.via)).toEqual(['editReply']);

		// A public "thinking…" gives way to a line for the caller alone.
		const shown = interaction({ deferred: true, ephemeral: false });
		await reportError(new Error('late failure'), shown.target, { event: 'interactionHandlerError' }, deps().reporter);
		expect(shown.sent.map((entry) => entry.via)).toEqual(['deleteReply', 'followUp']);
		expect(shown.sent[1]!.payload.flags).toBe(MessageFlags.Ephemeral);

		// A deferred update (a component's message, ephemeral null) is kept: the line follows it.
		const updating = interaction({ deferred: true, ephemeral: null });
		await reportError(new Error('late failure'), updating.target, { event: 'interactionHandlerError' }, deps().reporter);
		expect(updating.sent.map((entry) => entry.via)).toEqual(['followUp']);
	});

	it('speaks the guild’s language', async () => {
		const { target, sent } = interaction();
		await reportError(new Error('x'), target, { event: 'chatInputCommandError' }, deps('fr').reporter);
		expect(sent[0]!.payload.content).toMatch(/^Une erreur s'est produite de notre côté/);
	});

	it('shows a refusal as its translated message, without a reference, and does not log it as an error', async () => {
		const { target, sent } = interaction();
		const { reporter, log } = deps();
		await reportError(
			new Refusal(notice(LanguageKeys.Errors.UnknownSubcommand, { command: 'ticket' })),
			target,
			{ event: 'x' },
			reporter
		);
		expect(sent[0]!.payload.content).toBe('That subcommand does not exist. Type `/ticket` to see the ones you can use.');
		expect(log.error).not.toHaveBeenCalled();
	});

	it('translates Sapphire’s own precondition errors', async () => {
		const { target, sent } = interaction();
		const cooldown = new UserError({ identifier: Identifiers.PreconditionCooldown, context: { remaining: 4_200 } });
		await reportError(cooldown, target, { event: 'chatInputCommandDenied' }, deps().reporter);
		expect(sent[0]!.payload.content).toBe('You are doing that too often. Please wait 5 seconds and try again.');
	});

	it('stays silent when a precondition asks for it', async () => {
		const { target, sent } = interaction();
		await reportError(new UserError({ identifier: 'x', context: { silent: true } }), target, { event: 'x' }, deps().reporter);
		expect(sent).toEqual([]);
	});

	it('replies to a prefix command in the channel', async () => {
		const sent: unknown[] = [];
		const message = {
			guildId: '100000000000000001',
			author: { id: '300000000000000003' },
			reply: async (payload: unknown) => void sent.push(payload)
		};
		await reportError(new Error('boom'), message as unknown as ErrorTarget, { event: 'messageSubcommandError' }, deps().reporter);
		expect(sent).toHaveLength(1);
		expect((sent[0] as { content: string }).content).toMatch(/`E-[0-9A-Z]{8}`/);
	});

	it('does not try to answer an expired interaction, and never throws when answering fails', async () => {
		const expired = new DiscordAPIError(
			{ code: 10062, message: 'Unknown interaction' },
			10062,
			404,
			'POST',
			'/interactions/1/x/callback',
			{}
		);
		const { target, sent } = interaction();
		const { reporter, log } = deps();
		await reportError(expired, target, { event: 'x' }, reporter);
		expect(sent).toEqual([]);
		expect(log.warn).toHaveBeenCalled();

		const broken = {
			...interaction().target,
			reply: async () => Promise.reject(new Error('network down'))
		} as unknown as ErrorTarget;
		await expect(reportError(new Error('x'), broken, { event: 'x' }, reporter)).resolves.toBeUndefined();
	});
});
