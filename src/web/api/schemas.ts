/**
 * The JSON schemas of the API: Fastify validates requests and writes answers with them (a field not
 * listed here is never sent), and @fastify/swagger turns them into the OpenAPI document.
 */

const SNOWFLAKE = '^[0-9]{17,20}$';

const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const id = { type: 'string', pattern: SNOWFLAKE } as const;
const nullableId = { type: ['string', 'null'], pattern: SNOWFLAKE } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
const integer = { type: 'integer' } as const;
const boolean = { type: 'boolean' } as const;
const strings = { type: 'array', items: string } as const;

const object = (properties: Record<string, object>, description?: string) => ({
	type: 'object',
	...(description ? { description } : {}),
	required: Object.keys(properties),
	additionalProperties: false,
	properties
});

export const errorBody = object(
	{
		error: {
			type: 'object',
			required: ['code', 'message'],
			properties: {
				code: { type: 'string', description: 'Stable, for programs: not_found, unauthorized, forbidden, refused…' },
				message: { type: 'string', description: 'For people, in the language of Accept-Language' },
				ref: { type: 'string', description: 'For an unexpected error: quote it to find it in the bot’s log' }
			}
		}
	},
	'What went wrong'
);

const errors = (...statuses: number[]) =>
	Object.fromEntries(statuses.map((status) => [status, { ...errorBody, description: ERROR_TEXT[status] }]));
const ERROR_TEXT: Record<number, string> = {
	400: 'The request does not fit this route (its parameters, query or body)',
	401: 'No credentials, or a token that is unknown or revoked',
	403: 'The credentials do not allow this (scope, a login writing, the policy)',
	404: 'No such server for these credentials, or no such ticket',
	409: 'The ticket’s state or Discord refused the change: nothing was changed',
	429: 'Too many requests: see Retry-After'
};

const guildParams = object({ guildId: { ...id, description: 'The Discord server (guild) ID' } });
const ticketParams = object({
	guildId: { ...id, description: 'The Discord server (guild) ID' },
	number: {
		type: 'string',
		pattern: '^[1-9][0-9]{0,8}$',
		description: 'The ticket’s number in its server (as in its channel name)'
	}
});

type Security = Record<string, string[]>[];
const security: Security = [{ token: [] }, { session: [] }];
const writeSecurity: Security = [{ token: [] }];

const listedTicket = object({
	number: integer,
	status: { type: 'string', enum: ['creating', 'open', 'closed'] },
	locked: boolean,
	priority: string,
	category: { ...nullableString, description: 'The category’s display name' },
	ownerId: { ...nullableId, description: 'Null for an anonymous ticket' },
	claimedById: nullableId,
	channelId: nullableId
});

export const listTicketsSchema = {
	summary: 'The tickets the caller may list',
	description:
		'Ten a page, newest first. A token lists every ticket of the server (it acts as its admin); a login lists what `/ticket list` shows that member.',
	tags: ['tickets'],
	security,
	params: guildParams,
	querystring: {
		type: 'object',
		additionalProperties: false,
		properties: {
			status: { type: 'string', enum: ['all', 'open', 'closed'], default: 'all' },
			category: { type: 'string', minLength: 1, maxLength: 32, description: 'A category key' },
			member: { ...id, description: 'Only the tickets this member opened or owns (never anonymous ones)' },
			q: {
				type: 'string',
				minLength: 1,
				maxLength: 200,
				description: 'Words the answers or messages hold (every one, each as the start of a word; the newest 500 matches)'
			},
			page: { type: 'integer', minimum: 1, maximum: 9999, default: 1 }
		}
	},
	response: {
		200: object({
			items: { type: 'array', items: listedTicket },
			page: { type: 'integer', description: 'The page shown, from 1 (past the end: the last)' },
			pages: integer,
			total: integer,
			perPage: integer,
			searchCapped: { type: 'boolean', description: 'The search matched more tickets than it reads: more words narrow it' },
			totalCapped: {
				type: 'boolean',
				description: 'More than 10,000 tickets match: `total` says 10,000 and the pages end there; filters narrow it'
			}
		}),
		...errors(400, 401, 403, 404, 429)
	}
};

const ticketDetail = object({
	number: integer,
	status: { type: 'string', enum: ['creating', 'open', 'closed'] },
	locked: boolean,
	anonymous: boolean,
	priority: string,
	tags: strings,
	escalationLevel: integer,
	category: nullableString,
	department: nullableString,
	openerId: { ...nullableId, description: 'Null for an anonymous ticket' },
	ownerId: { ...nullableId, description: 'Null for an anonymous ticket' },
	claimedById: nullableId,
	channelId: nullableId,
	participantIds: { type: 'array', items: id },
	createdAt: time,
	claimedAt: nullableTime,
	firstResponseAt: nullableTime,
	slaDueAt: nullableTime,
	scheduledCloseAt: nullableTime,
	closedAt: nullableTime,
	closedById: nullableId,
	closeReason: nullableString,
	answers: { type: 'array', items: object({ question: string, answer: string }) },
	works: { type: 'boolean', description: 'Whether the caller works this ticket (may claim, close, take notes)' },
	timeline: {
		type: 'array',
		description: 'Oldest first',
		items: object({
			action: { type: 'string', description: 'ticket.claimed, ticket.closed…' },
			actorId: nullableId,
			targetId: nullableId,
			details: { type: 'object', additionalProperties: true },
			createdAt: time
		})
	},
	notes: {
		type: ['array', 'null'],
		description: 'Internal notes, newest first; null when the caller may not read them (the opener, participants)',
		items: object({ authorId: id, content: string, createdAt: time })
	}
});

export const ticketSchema = {
	summary: 'One ticket in full: details, answers, timeline and, for its staff, the internal notes',
	tags: ['tickets'],
	security,
	params: ticketParams,
	response: { 200: ticketDetail, ...errors(400, 401, 403, 404, 429) }
};

const done = object({
	ticket: integer,
	message: { type: 'string', description: 'What was done, as the bot says it (in the language of Accept-Language)' }
});

const action = (summary: string, description: string, body?: object) => ({
	summary,
	description: `${description} Needs a token with the \`write\` scope.`,
	tags: ['tickets'],
	security: writeSecurity,
	params: ticketParams,
	...(body ? { body } : {}),
	response: { 200: done, ...errors(400, 401, 403, 404, 409, 429) }
});

export const claimSchema = action(
	'Claim the ticket',
	'The same as `/ticket claim` by the token’s maker: the ticket says so in Discord.'
);
export const closeSchema = action(
	'Close the ticket',
	'The same as `/ticket close`: the opener and participants stop writing, the transcript is saved and the rating is asked in the ticket.',
	{
		type: 'object',
		additionalProperties: false,
		properties: { reason: { type: ['string', 'null'], maxLength: 500 } },
		nullable: true
	}
);
export const noteSchema = {
	...action('Add an internal note', 'The same as `/ticket note`: stored for staff, never posted in the ticket.', {
		type: 'object',
		additionalProperties: false,
		required: ['text'],
		properties: { text: { type: 'string', minLength: 1, maxLength: 1000 } }
	}),
	response: { 201: done, ...errors(400, 401, 403, 404, 409, 429) }
};

const question = object({
	label: string,
	style: { type: 'string', enum: ['short', 'paragraph'] },
	required: boolean,
	minLength: { type: ['integer', 'null'] },
	maxLength: { type: ['integer', 'null'] }
});

/** A configuration list only admins read: the same frame for categories and panels. */
const adminList = (summary: string, item: Record<string, object>) => ({
	summary,
	description: 'Admins only (every token; a login of an admin).',
	tags: ['configuration'],
	security,
	params: guildParams,
	response: {
		200: object({ items: { type: 'array', items: object(item) } }),
		...errors(400, 401, 403, 404, 429)
	}
});

export const categoriesSchema = adminList('The server’s ticket categories, in display order', {
	key: string,
	name: string,
	description: nullableString,
	emoji: nullableString,
	slaMinutes: { type: ['integer', 'null'] },
	resolutionSlaMinutes: { type: ['integer', 'null'] },
	workingHours: { type: ['string', 'null'], description: 'Time zone; days and times; closed dates (see the README)' },
	outOfHours: { type: 'string', enum: ['notice', 'pause'] },
	defaultPriority: string,
	defaultTags: strings,
	staffRoleIds: { type: 'array', items: id },
	anonymous: boolean,
	captcha: boolean,
	questions: { type: 'array', items: question }
});

export const panelsSchema = adminList('The server’s panels and where they are posted', {
	key: string,
	channelId: id,
	title: string,
	description: nullableString,
	mode: { type: 'string', enum: ['buttons', 'select'] },
	categoryKeys: { ...strings, description: 'Empty: every category' },
	messageId: { ...nullableId, description: 'The message it is posted as; null until deployed' },
	deployedAt: nullableTime
});

const summary = {
	type: ['object', 'null'],
	required: ['count', 'averageSeconds', 'medianSeconds', 'p95Seconds'],
	additionalProperties: false,
	properties: { count: integer, averageSeconds: integer, medianSeconds: integer, p95Seconds: integer }
} as const;
const rating = {
	type: ['object', 'null'],
	required: ['average', 'count'],
	additionalProperties: false,
	properties: { average: { type: 'number' }, count: integer }
} as const;

const slaRate = object({ missed: integer, total: integer });

export const analyticsSchema = {
	summary: 'The server’s ticket numbers, as /analytics gives them',
	description:
		'Staff only (every token; a login of the server’s staff). Soft-deleted tickets are left out; anonymous ones count without naming anyone. Times are in seconds.',
	tags: ['analytics'],
	security,
	params: guildParams,
	querystring: {
		type: 'object',
		additionalProperties: false,
		properties: { days: { type: 'integer', minimum: 1, maximum: 365, default: 30, description: 'How many days `daily` covers' } }
	},
	response: {
		200: object({
			total: integer,
			open: integer,
			closed: integer,
			openedLastDay: integer,
			firstResponse: summary,
			rating,
			ratings: { type: 'array', items: integer, description: 'How many ratings gave 1, 2, 3, 4 and 5 stars' },
			categories: { type: 'array', items: object({ name: string, total: integer, open: integer }) },
			daily: { type: 'array', items: object({ day: { type: 'string', format: 'date' }, count: integer }) },
			responseTimes: object({
				categories: { type: 'array', items: object({ name: string, summary }) },
				staff: { type: 'array', items: object({ staffId: id, summary }) }
			}),
			leaderboard: {
				type: 'array',
				items: object({ staffId: id, handled: integer, answers: integer, firstResponse: summary, rating, warnings: integer })
			},
			sla: object({
				categories: {
					type: 'array',
					description: 'SLAs missed per category; an SLA counts once it is met or missed',
					items: object({ name: string, response: slaRate, resolution: slaRate })
				},
				staff: {
					type: 'array',
					description: 'Tickets of each staff member (claimed, else first answered) that missed an SLA',
					items: object({ staffId: id, missed: integer, total: integer })
				}
			})
		}),
		...errors(400, 401, 403, 404, 429)
	}
};

const readRoute = (summary: string, description: string) => ({
	summary,
	description,
	tags: ['tickets'],
	security,
	params: ticketParams
});

const archivedMessage = object({
	id: { ...id, description: 'The Discord message ID' },
	authorId: { ...nullableId, description: 'Null for the opener of an anonymous ticket' },
	authorName: { ...nullableString, description: 'Their display name when they wrote it; null as authorId' },
	bot: boolean,
	content: string,
	attachments: {
		type: 'array',
		items: object({
			name: string,
			size: integer,
			contentType: nullableString,
			url: { ...string, description: 'Discord’s link (it expires)' }
		})
	},
	replyToId: nullableId,
	createdAt: time,
	editedAt: nullableTime,
	deletedAt: { ...nullableTime, description: 'When it was deleted in Discord (staff only see these)' }
});

export const messagesSchema = {
	...readRoute(
		'The ticket’s messages, as the bot archived them',
		'Oldest first, 100 a page. Staff (and tokens) read every message, deleted ones too; the opener reads the ones still there. Anyone else gets 404.'
	),
	querystring: {
		type: 'object',
		additionalProperties: false,
		properties: { page: { type: 'integer', minimum: 1, maximum: 99999, default: 1 } }
	},
	response: {
		200: object({
			items: { type: 'array', items: archivedMessage },
			page: integer,
			pages: integer,
			total: integer,
			perPage: integer
		}),
		...errors(400, 401, 403, 404, 429)
	}
};

export const transcriptSchema = {
	...readRoute(
		'The ticket’s transcript',
		'An HTML document, served sandboxed (no script). Staff (and tokens) get the copy saved at close, with the internal notes, or one made now while the ticket is open; the opener gets theirs, without the notes. Copied attachments are linked relatively (`attachments/{file}`).'
	),
	response: {
		200: { description: 'The transcript', content: { 'text/html': { schema: { type: 'string' } } } },
		...errors(400, 401, 403, 404, 429)
	}
};

export const attachmentSchema = {
	...readRoute('An attachment copied with the transcript at close', 'A download, to whoever may read the transcript.'),
	params: object({
		guildId: { ...id, description: 'The Discord server (guild) ID' },
		number: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' },
		file: { type: 'string', minLength: 1, maxLength: 200, description: 'The file’s name, as the transcript links it' }
	}),
	response: {
		200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
		...errors(400, 401, 403, 404, 429)
	}
};
