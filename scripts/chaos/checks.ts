// The end of a chaos run: Discord's state (the emulator's) held against the database, one figure per
// promise the bot makes. Every figure but the first should be 0.
import { InteractionResponseType, InteractionType, OverwriteType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import { ticketNumber } from '../../src/lib/tickets/ticket.js';
import type { EChannel, EInteraction } from '../../test/emulator/state.js';
import type { TestDiscord } from '../../test/harness/TestDiscord.js';
import type { Tally } from './operations.js';
import type { BotSupervisor } from './supervisor.js';
import { SNIPPET_START, type ChaosGuild } from './world.js';

export interface Figure {
	label: string;
	count: number;
	/** A few examples, to start looking from. */
	examples: string[];
	/** Informational: not a failure when non-zero. */
	info?: boolean;
}

const TOPIC = /^#(\d+) · /;

export async function checkAll(
	discord: TestDiscord,
	db: DatabaseHandle,
	guilds: ChaosGuild[],
	tally: Tally,
	bot: BotSupervisor
): Promise<Figure[]> {
	const guildIds = guilds.map((guild) => guild.home.guild.id);
	const rows = await db.prisma.ticket.findMany({
		where: { guildId: { in: guildIds } },
		include: { participants: { select: { userId: true } } }
	});
	const events = await db.prisma.auditEvent.findMany({
		where: { guildId: { in: guildIds }, ticketId: { not: null } },
		orderBy: { id: 'asc' },
		select: { ticketId: true, action: true, targetId: true, details: true }
	});
	const timeline = new Map<number, typeof events>();
	for (const event of events) timeline.set(event.ticketId!, [...(timeline.get(event.ticketId!) ?? []), event]);
	const channelOf = (id: string | null) => (id ? discord.state.channels.get(id) : undefined);
	const figure = (label: string, examples: string[], info = false): Figure => ({
		label,
		count: examples.length,
		examples: examples.slice(0, 5),
		info
	});

	// Duplicates: a member has more tickets than panel clicks.
	const perMember = new Map<string, number>();
	for (const row of rows)
		perMember.set(`${row.guildId}:${row.openerId}`, (perMember.get(`${row.guildId}:${row.openerId}`) ?? 0) + 1);
	const duplicates: string[] = [];
	for (const [key, count] of perMember)
		for (let extra = count - (tally.openClicks.get(key) ?? 0); extra > 0; extra--) duplicates.push(key);

	const recorded = new Set(rows.map((row) => row.channelId).filter(Boolean));
	const ticketChannels = [...discord.state.channels.values()].filter(
		(channel) => channel.guildId && guildIds.includes(channel.guildId) && TOPIC.test(channel.topic ?? '')
	);
	const orphanChannels = ticketChannels.filter((channel) => !recorded.has(channel.id)).map((channel) => `#${channel.name}`);

	const active = rows.filter((row) => row.status === 'open' || row.status === 'creating');
	const withoutChannel = active.filter((row) => !channelOf(row.channelId)).map((row) => `ticket ${row.id} (${row.status})`);
	const stillCreating = rows.filter((row) => row.status === 'creating').map((row) => `ticket ${row.id}`);

	// Transcripts: each closed ticket's summary and files in its guild's transcript channel, once.
	const closed = rows.filter((row) => row.status === 'closed' && row.channelId && !row.purgedAt);
	const posted = new Map<string, number>();
	for (const guild of guilds)
		for (const message of discord.botMessages(guild.transcripts))
			for (const file of message.attachments.filter((attachment) => attachment.filename.endsWith('.html')))
				posted.set(`${guild.home.guild.id}:${file.filename}`, (posted.get(`${guild.home.guild.id}:${file.filename}`) ?? 0) + 1);
	const transcriptKey = (row: (typeof rows)[number]) => `${row.guildId}:ticket-${ticketNumber(row.number)}.html`;
	const noTranscript = closed.filter((row) => !posted.get(transcriptKey(row))).map((row) => `ticket ${row.id}`);
	// A reopened and closed again ticket has one transcript per close.
	const closes = (row: (typeof rows)[number]) =>
		(timeline.get(row.id) ?? []).filter((event) => event.action === 'ticket.closed' || event.action === 'ticket.force_closed')
			.length;
	const transcriptsTwice = rows
		.filter((row) => (posted.get(transcriptKey(row)) ?? 0) > Math.max(1, closes(row)))
		.map((row) => `ticket ${row.id}: ${posted.get(transcriptKey(row))} for ${closes(row)} close(s)`);

	// Scheduled closes: none overdue and still open; none run twice for one schedule.
	const now = Date.now();
	const lostSchedules = rows
		.filter((row) => row.status === 'open' && row.scheduledCloseAt && row.scheduledCloseAt.getTime() < now - 5_000)
		.map((row) => `ticket ${row.id} due ${row.scheduledCloseAt!.toISOString()}`);
	const twice: string[] = [];
	for (const row of rows) {
		const entries = timeline.get(row.id) ?? [];
		const schedules = entries.filter((event) => event.action === 'ticket.close_scheduled').length;
		const ran = entries.filter((event) => event.action === 'ticket.closed' && event.details.includes('"scheduled":true')).length;
		if (ran > schedules) twice.push(`ticket ${row.id}: ${ran} scheduled closes for ${schedules} schedule(s)`);
	}
	const scheduledIds = new Set(tally.scheduled.map((entry) => entry.ticketId));

	// What Discord shows of each ticket, and what its row and timeline say.
	const missingEntries: string[] = [];
	const disagreements: string[] = [];
	for (const row of rows) {
		const channel = channelOf(row.channelId);
		if (!channel || row.status === 'creating') continue;
		const entries = timeline.get(row.id) ?? [];
		const renames = entries.filter((event) => event.action === 'ticket.renamed');
		if (channel.name.startsWith('chaos-') && !renames.some((event) => event.details.includes(JSON.stringify(channel.name))))
			missingEntries.push(`ticket ${row.id}: renamed #${channel.name} with no entry`);
		const people = memberOverwrites(channel).filter(
			(id) => id !== row.openerId && id !== row.ownerId && id !== discord.emulator.botId
		);
		for (const userId of people) {
			const last = entries.filter(
				(event) => (event.action === 'ticket.user_added' || event.action === 'ticket.user_removed') && event.targetId === userId
			);
			if (last.at(-1)?.action !== 'ticket.user_added') missingEntries.push(`ticket ${row.id}: <@${userId}> added with no entry`);
		}
		// Every snippet the timeline says was sent is in the ticket once, and none is there without its entry.
		const sends = entries.filter((event) => event.action === 'ticket.snippet_sent').length;
		const posts = discord
			.botMessages(channel)
			.filter((message) => !message.deleted && message.content.startsWith(SNIPPET_START)).length;
		if (sends !== posts) disagreements.push(`ticket ${row.id}: ${posts} snippet(s) posted, ${sends} in the timeline`);
		const participants = row.participants.map((participant) => participant.userId).sort();
		if (people.sort().join() !== participants.join())
			disagreements.push(`ticket ${row.id}: members [${people}] in Discord, [${participants}] in the database`);
		const writes = (discord.state.permissionsIn(channel.id, row.ownerId) & P.SendMessages) === P.SendMessages;
		const shouldWrite = row.status === 'open' && !row.locked;
		if (writes !== shouldWrite)
			disagreements.push(
				`ticket ${row.id}: owner ${writes ? 'writes' : 'cannot write'} in Discord, the database says ${row.status}${row.locked ? ', locked' : ''}`
			);
	}

	// Interactions: answered, unless sent while the bot was down or just before a kill cut it off.
	const interactions = [...discord.state.interactions.values()].filter(
		(interaction) =>
			interaction.guildId &&
			guildIds.includes(interaction.guildId) &&
			interaction.type !== InteractionType.ApplicationCommandAutocomplete
	);
	const unanswered = interactions.filter((interaction) => !complete(interaction));
	const cutOff = unanswered.filter((interaction) => bot.inFlightAtKill(interaction.createdAt));
	const neverAnswered = unanswered
		.filter((interaction) => !bot.inFlightAtKill(interaction.createdAt))
		.map(
			(interaction) => `${describe(interaction)} at ${new Date(interaction.createdAt).toISOString()}: ${stateOf(interaction)}`
		);

	return [
		figure(
			'tickets opened',
			rows.filter((row) => row.status !== 'creating').map((row) => `ticket ${row.id}`),
			true
		),
		figure('scheduled closes set', [...scheduledIds].map(String), true),
		figure('interactions in flight at a kill (not counted)', cutOff.map(describe), true),
		figure('duplicate tickets for one click', duplicates),
		figure('channels without a ticket row', orphanChannels),
		figure('open ticket rows without a channel', withoutChannel),
		figure('rows still being created', stillCreating),
		figure('closed tickets without a posted transcript', noTranscript),
		figure('transcripts posted twice', transcriptsTwice),
		figure('scheduled closes lost', lostSchedules),
		figure('scheduled closes done twice', twice),
		figure('timeline entries missing for an effect visible in Discord', missingEntries),
		figure('tickets where Discord and the database disagree', disagreements),
		figure('interactions never answered', neverAnswered)
	];
}

/** Users with their own overwrite in the channel that lets them see it. */
function memberOverwrites(channel: EChannel): string[] {
	return channel.overwrites
		.filter((overwrite) => overwrite.type === OverwriteType.Member && (overwrite.allow & P.ViewChannel) === P.ViewChannel)
		.map((overwrite) => overwrite.id);
}

/** Answered: a reply, a form or an update; a "thinking…" filled in, or withdrawn for a private follow-up. */
function complete(interaction: EInteraction): boolean {
	if (interaction.responseType === null) return false;
	return (
		interaction.responseType !== InteractionResponseType.DeferredChannelMessageWithSource ||
		Boolean(interaction.originalMessageId) ||
		(interaction.originalDeleted && interaction.followUpIds.length > 0)
	);
}

/** How far an unanswered interaction got: never acknowledged, or left "thinking…". */
function stateOf(interaction: EInteraction): string {
	if (interaction.responseType === null) return 'not acknowledged';
	return `acknowledged after ${interaction.respondedAt! - interaction.createdAt} ms, left thinking`;
}

function describe(interaction: EInteraction): string {
	const data = interaction.payload.data as { name?: string; custom_id?: string; options?: { name: string }[] } | undefined;
	const what = data?.name
		? `/${data.name} ${data.options?.[0]?.name ?? ''}`.trim()
		: (data?.custom_id ?? `type ${interaction.type}`);
	return `interaction ${what}`;
}

/** A ticket's row and timeline in a few lines, for the examples of a failed run. */
export async function explain(
	discord: TestDiscord,
	db: DatabaseHandle,
	guilds: readonly ChaosGuild[],
	ticketId: number
): Promise<string> {
	const row = await db.prisma.ticket.findUnique({ where: { id: ticketId } });
	if (!row) return `ticket ${ticketId}: no row`;
	const events = await db.prisma.auditEvent.findMany({ where: { ticketId }, orderBy: { id: 'asc' } });
	const at = (date: Date | number | null) => (date ? new Date(date).toISOString().slice(11, 23) : '-');
	// The ticket's transcripts in its guild's transcript channel, with the nonce each was sent with.
	const transcripts = guilds.find((guild) => guild.home.guild.id === row.guildId)?.transcripts;
	const file = `ticket-${ticketNumber(row.number)}.html`;
	const posts = transcripts
		? discord.botMessages(transcripts).filter((message) => message.attachments.some((attachment) => attachment.filename === file))
		: [];
	return [
		`ticket ${ticketId} #${row.number}: ${row.status}${row.locked ? ' locked' : ''}, closed ${at(row.closedAt)}, transcript posted ${at(row.transcriptPostedAt)}`,
		...events.map(
			(event) =>
				`  ${at(event.createdAt)} ${event.action}${event.targetId ? ` ${event.targetId}` : ''} ${event.details}${event.effectPendingAt ? ' (effect pending)' : ''}`
		),
		...posts.map((post) => `  ${at(post.createdAt)} transcript posted (nonce ${post.nonce ?? 'none'})`)
	].join('\n');
}
