import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readList } from '../../lib/database/json.js';
import { PAGE_SIZE } from '../../lib/database/paging.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { claim } from '../../lib/tickets/claim.js';
import { close } from '../../lib/tickets/close.js';
import { INFO_IN_FULL, ticketInfo, type TicketInfo } from '../../lib/tickets/info.js';
import { LIST_STATUSES, ticketList, type ListStatus } from '../../lib/tickets/list.js';
import { addNote } from '../../lib/tickets/note.js';
import type { TicketOutcome, UseCase } from '../../lib/tickets/outcome.js';
import { webText } from '../i18n.js';
import { namesIn } from '../members.js';
import { runTicketAction } from '../ticketAction.js';
import {
	archivedMessages,
	MESSAGES_PER_PAGE,
	sendAttachment,
	sendTranscript,
	transcriptAttachment,
	transcriptDocument,
	transcriptReader
} from '../transcriptAccess.js';
import type { ApiCaller } from './auth.js';
import type { ApiContext } from './context.js';
import { notFound } from './errors.js';
import {
	attachmentSchema,
	claimSchema,
	closeSchema,
	listTicketsSchema,
	messagesSchema,
	noteSchema,
	ticketSchema,
	transcriptSchema
} from './schemas.js';

type GuildParams = { guildId: string };
type TicketParams = GuildParams & { number: string };

const callerOf = (request: FastifyRequest): ApiCaller => request.apiCaller!;

/** /api/v1/guilds/:guildId/tickets…: the list, one ticket, and the actions, through the chat's use cases. */
export function ticketApi(app: FastifyInstance, api: ApiContext): void {
	const { services, categories } = api;
	const { ticketServices } = services;

	/** The ticket a request names in the caller's guild (404 when there is none: soft-deleted ones included). */
	const ticketIdOf = async (guildId: string, number: string): Promise<number> => {
		const row = await services.db
			.forGuild(guildId)
			.db.ticket.findFirst({ where: { number: Number(number), softDeletedAt: null }, select: { id: true } });
		if (!row) throw notFound();
		return row.id;
	};

	app.get<{
		Params: GuildParams;
		Querystring: { status?: ListStatus; category?: string; member?: string; q?: string; page?: number };
	}>('/guilds/:guildId/tickets', { schema: listTicketsSchema }, async (request) => {
		const { member } = callerOf(request);
		const { status = 'all', category, member: userId, q, page = 1 } = request.query;
		const data = services.db.forGuild(member.guild.id);
		const categoryId = category ? (await categories.requireByKey(data, category)).id : 0;
		const list = await ticketList.run(ticketServices, member.actor, member.guild.id, {
			page: page - 1,
			status: LIST_STATUSES.indexOf(status),
			categoryId,
			userId: userId ?? '0',
			more: { text: q }
		});
		return {
			items: list.tickets.map((ticket) => ({
				number: ticket.number,
				status: ticket.status,
				locked: ticket.locked,
				priority: ticket.priority,
				category: ticket.categoryName,
				ownerId: ticket.ownerId,
				claimedById: ticket.claimedById,
				channelId: ticket.channelId
			})),
			page: list.page + 1,
			pages: list.pages,
			total: list.total,
			perPage: PAGE_SIZE,
			searchCapped: list.searchCapped,
			totalCapped: list.totalCapped
		};
	});

	app.get<{ Params: TicketParams }>('/guilds/:guildId/tickets/:number', { schema: ticketSchema }, async (request) => {
		const { member } = callerOf(request);
		const ticketId = await ticketIdOf(member.guild.id, request.params.number);
		const info = await ticketInfo
			.run(ticketServices, member.actor, { guildId: member.guild.id, ticketId }, INFO_IN_FULL)
			.catch((error: unknown) => {
				// Whoever may not read a ticket does not learn that it exists, as on the dashboard.
				if (error instanceof Refusal) throw notFound();
				throw error;
			});
		return ticketBody(info);
	});

	/** Who may read the ticket's history, in which copy: 404 for anyone else, who learns nothing. */
	const readerOf = async (request: FastifyRequest<{ Params: TicketParams }>) => {
		const { member } = callerOf(request);
		const reader = await transcriptReader(services, member, await ticketIdOf(member.guild.id, request.params.number));
		if (!reader) throw notFound();
		return reader;
	};

	app.get<{ Params: TicketParams; Querystring: { page?: number } }>(
		'/guilds/:guildId/tickets/:number/messages',
		{ schema: messagesSchema },
		async (request) => {
			const page = request.query.page ?? 1;
			const messages = await archivedMessages(await readerOf(request), page - 1);
			return { ...messages, page, perPage: MESSAGES_PER_PAGE };
		}
	);

	app.get<{ Params: TicketParams }>(
		'/guilds/:guildId/tickets/:number/transcript',
		{ schema: transcriptSchema },
		async (request, reply) => {
			const html = await transcriptDocument(services, await readerOf(request));
			if (!html) throw notFound();
			return sendTranscript(reply, html);
		}
	);

	app.get<{ Params: TicketParams & { file: string } }>(
		'/guilds/:guildId/tickets/:number/attachments/:file',
		{ schema: attachmentSchema },
		async (request, reply) => {
			const bytes = await transcriptAttachment(services, await readerOf(request), request.params.file);
			if (!bytes) throw notFound();
			return sendAttachment(reply, request.params.file, bytes);
		}
	);

	/** Runs a use case as the caller, and posts its answer in the ticket when its people read it (as in Discord). */
	const act = async <Input>(
		request: FastifyRequest<{ Params: TicketParams }>,
		useCase: UseCase<Input, TicketOutcome>,
		input: Input
	) => {
		const { member } = callerOf(request);
		const ticketId = await ticketIdOf(member.guild.id, request.params.number);
		// A refusal reaches the error handler, which answers it with its own words.
		const outcome = await runTicketAction(services, member, ticketId, useCase, input);
		const { t, locale } = request.lang;
		return { ticket: Number(request.params.number), message: webText(t, outcome.notice, namesIn(member.guild), locale) };
	};

	app.post<{ Params: TicketParams }>('/guilds/:guildId/tickets/:number/claim', { schema: claimSchema }, (request) =>
		act(request, claim, undefined)
	);

	app.post<{ Params: TicketParams; Body: { reason?: string | null } | undefined }>(
		'/guilds/:guildId/tickets/:number/close',
		{ schema: closeSchema },
		(request) => act(request, close, { reason: request.body?.reason?.trim() || null })
	);

	app.post<{ Params: TicketParams; Body: { text: string } }>(
		'/guilds/:guildId/tickets/:number/notes',
		{ schema: noteSchema },
		async (request, reply) => {
			const answer = await act(request, addNote, { text: request.body.text.trim() });
			return reply.status(201).send(answer);
		}
	);
}

/** A ticket as the API shows it: an anonymous ticket never names its opener. */
function ticketBody(info: TicketInfo) {
	const { ticket } = info;
	return {
		number: ticket.number,
		status: ticket.status,
		locked: ticket.locked,
		anonymous: ticket.anonymous,
		priority: ticket.priority,
		tags: readList(ticket.tags),
		escalationLevel: ticket.escalationLevel,
		category: info.categoryName,
		department: info.departmentName,
		openerId: ticket.anonymous ? null : ticket.openerId,
		ownerId: ticket.anonymous ? null : ticket.ownerId,
		claimedById: ticket.claimedById,
		channelId: ticket.channelId,
		participantIds: [...info.participantIds],
		createdAt: ticket.createdAt,
		claimedAt: ticket.claimedAt,
		firstResponseAt: ticket.firstResponseAt,
		slaDueAt: ticket.slaDueAt,
		scheduledCloseAt: ticket.scheduledCloseAt,
		closedAt: ticket.closedAt,
		closedById: ticket.closedById,
		closeReason: ticket.closeReason,
		answers: info.answers,
		works: info.works,
		timeline: info.timeline,
		notes: info.notes
	};
}
