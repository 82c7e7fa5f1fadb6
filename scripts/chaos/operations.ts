// What members and staff do during a chaos run, as they would in Discord: panel clicks (with a form),
// buttons, slash and prefix commands, messages. Each operation picks a ticket in the state it needs from
// the database and acts on its channel; a refusal is a fine outcome, a missing answer is counted later.
import { InteractionResponseType } from 'discord-api-types/v10';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { EChannel, EInteraction, EMessage } from '../../test/emulator/state.js';
import type { OptionValue } from '../../test/emulator/world.js';
import type { Actor, TestDiscord } from '../../test/harness/TestDiscord.js';
import type { Random } from './random.js';
import type { BotSupervisor } from './supervisor.js';
import { CLOSE_REASON_FIELD, FORM, FORM_QUESTION, QUICK, SNIPPET, type ChaosGuild } from './world.js';

export interface ScheduledClose {
	ticketId: number;
	/** When the bot said it would close. */
	at: number;
}

export interface Tally {
	/** Operations run, by name. */
	ops: Map<string, number>;
	/** Panel clicks per member (`guildId:userId`): a member can have no more tickets than clicks. */
	openClicks: Map<string, number>;
	scheduled: ScheduledClose[];
}

export interface OpContext {
	discord: TestDiscord;
	db: DatabaseHandle;
	bot: BotSupervisor;
	random: Random;
	tally: Tally;
	/** Called right after an interaction that creates or closes a ticket is sent: a kill may follow it. */
	sent(kind: 'create' | 'close'): void;
}

type Operation = (ctx: OpContext, guild: ChaosGuild) => Promise<void>;

const ANSWER_MS = 20_000;

/** Waits for the bot's answer; none in time is not an error here (the final count says what was never answered). */
async function answered(ctx: OpContext, interaction: EInteraction) {
	return ctx.discord.answer(interaction, ANSWER_MS).catch(() => null);
}

async function ticketIn(
	ctx: OpContext,
	guild: ChaosGuild,
	status: 'open' | 'closed'
): Promise<{ id: number; channel: EChannel; openerId: string } | null> {
	const rows = await ctx.db.prisma.ticket.findMany({
		where: { guildId: guild.home.guild.id, status, channelId: { not: null } },
		select: { id: true, channelId: true, openerId: true },
		orderBy: { id: 'desc' },
		take: 20
	});
	const row = rows.length ? ctx.random.pick(rows) : null;
	const channel = row ? ctx.discord.state.channels.get(row.channelId!) : undefined;
	return row && channel ? { id: row.id, channel, openerId: row.openerId } : null;
}

function slash(ctx: OpContext, who: Actor, channel: EChannel, path: string[], options: Record<string, OptionValue> = {}) {
	return answered(ctx, ctx.discord.world.slash(who.user, channel, path, options));
}

/** A prefix command; the reply is awaited but not required (a kill may swallow it). */
async function prefix(ctx: OpContext, who: Actor, channel: EChannel, content: string): Promise<void> {
	await who.command(channel, content).catch(() => null);
}

const welcomeOf = (ctx: OpContext, channel: EChannel): EMessage | undefined =>
	ctx.discord.botMessages(channel).find((message) => message.components.length > 0);

const openWith =
	(label: string): Operation =>
	async (ctx, guild) => {
		const member = ctx.random.pick(guild.members);
		const key = `${guild.home.guild.id}:${member.id}`;
		ctx.tally.openClicks.set(key, (ctx.tally.openClicks.get(key) ?? 0) + 1);
		const click = ctx.discord.world.click(member.user, guild.panel, label);
		if (label === QUICK) ctx.sent('create');
		const first = await answered(ctx, click);
		if (first?.interaction.responseType !== InteractionResponseType.Modal) return;
		const submit = ctx.discord.world.submitModal(member.user, first.interaction, {
			[FORM_QUESTION]: `Chaos report ${ctx.random.int(1e6)}: it broke`
		});
		ctx.sent('create');
		await answered(ctx, submit);
	};

const onOpen =
	(
		run: (ctx: OpContext, guild: ChaosGuild, ticket: { id: number; channel: EChannel; openerId: string }) => Promise<void>
	): Operation =>
	async (ctx, guild) => {
		const ticket = await ticketIn(ctx, guild, 'open');
		if (ticket) await run(ctx, guild, ticket);
	};

const staffOf = (ctx: OpContext, guild: ChaosGuild) => ctx.random.pick(guild.staff);

export const OPERATIONS: { name: string; weight: number; run: Operation }[] = [
	{ name: 'open (button)', weight: 18, run: openWith(QUICK) },
	{ name: 'open (form)', weight: 9, run: openWith(FORM) },
	{
		name: 'claim',
		weight: 7,
		run: onOpen(async (ctx, guild, { channel }) => {
			const welcome = welcomeOf(ctx, channel);
			if (welcome && ctx.random.chance(0.5))
				await answered(ctx, ctx.discord.world.click(staffOf(ctx, guild).user, welcome, 'Claim'));
			else await slash(ctx, staffOf(ctx, guild), channel, ['ticket', 'claim']);
		})
	},
	{
		name: 'note',
		weight: 7,
		run: onOpen(async (ctx, guild, { channel }) => {
			const text = `chaos note ${ctx.random.int(1e6)}`;
			if (ctx.random.chance(0.5)) await prefix(ctx, staffOf(ctx, guild), channel, `!ticket note ${text}`);
			else await slash(ctx, staffOf(ctx, guild), channel, ['ticket', 'note'], { text });
		})
	},
	{
		name: 'adduser / removeuser',
		weight: 6,
		run: onOpen(async (ctx, guild, { channel, openerId }) => {
			const member = ctx.random.pick(guild.members.filter((candidate) => candidate.id !== openerId));
			const path = ['ticket', ctx.random.chance(0.65) ? 'adduser' : 'removeuser'];
			await slash(ctx, staffOf(ctx, guild), channel, path, { member: member.id });
		})
	},
	{
		name: 'lock / unlock',
		weight: 6,
		run: onOpen(async (ctx, guild, { channel }) => {
			const verb = ctx.random.chance(0.5) ? 'lock' : 'unlock';
			if (ctx.random.chance(0.5)) await prefix(ctx, staffOf(ctx, guild), channel, `!ticket ${verb}`);
			else await slash(ctx, staffOf(ctx, guild), channel, ['ticket', verb]);
		})
	},
	{
		name: 'close (button)',
		weight: 6,
		run: onOpen(async (ctx, guild, { channel }) => {
			const welcome = welcomeOf(ctx, channel);
			if (!welcome) return;
			const staff = staffOf(ctx, guild);
			const form = await answered(ctx, ctx.discord.world.click(staff.user, welcome, 'Close'));
			if (form?.interaction.responseType !== InteractionResponseType.Modal) return;
			const submit = ctx.discord.world.submitModal(staff.user, form.interaction, { [CLOSE_REASON_FIELD]: 'solved (button)' });
			ctx.sent('close');
			await answered(ctx, submit);
		})
	},
	{
		name: 'close (command)',
		weight: 7,
		run: onOpen(async (ctx, guild, { channel }) => {
			const staff = staffOf(ctx, guild);
			if (ctx.random.chance(0.4)) {
				const sent = prefix(ctx, staff, channel, '!ticket close solved by prefix');
				ctx.sent('close');
				await sent;
				return;
			}
			const interaction = ctx.discord.world.slash(staff.user, channel, ['ticket', 'close'], { reason: 'solved (slash)' });
			ctx.sent('close');
			await answered(ctx, interaction);
		})
	},
	{
		name: 'reopen',
		weight: 4,
		run: async (ctx, guild) => {
			const ticket = await ticketIn(ctx, guild, 'closed');
			if (ticket) await slash(ctx, staffOf(ctx, guild), ticket.channel, ['ticket', 'reopen']);
		}
	},
	{
		name: 'scheduled close',
		weight: 4,
		run: onOpen(async (ctx, guild, { id, channel }) => {
			const answer = await slash(ctx, staffOf(ctx, guild), channel, ['ticket', 'scheduleclose'], {
				minutes: 1,
				reason: 'chaos schedule'
			});
			const when = answer?.content.includes('scheduled this ticket to close') && /<t:(\d+)/.exec(answer.content);
			if (when) ctx.tally.scheduled.push({ ticketId: id, at: Number(when[1]) * 1000 });
		})
	},
	{
		name: 'transcript',
		weight: 3,
		run: onOpen(async (ctx, guild, { channel }) => {
			await slash(ctx, staffOf(ctx, guild), channel, ['ticket', 'transcript']);
		})
	},
	{
		name: 'rename',
		weight: 4,
		run: onOpen(async (ctx, guild, { channel }) => {
			await slash(ctx, staffOf(ctx, guild), channel, ['ticket', 'rename'], { new_name: `chaos-${ctx.random.int(1e5)}` });
		})
	},
	{
		name: 'snippet',
		weight: 4,
		run: onOpen(async (ctx, guild, { channel }) => {
			const staff = staffOf(ctx, guild);
			if (ctx.random.chance(0.4)) await prefix(ctx, staff, channel, `!snippet send ${SNIPPET}`);
			else await slash(ctx, staff, channel, ['snippet', 'send'], { name: SNIPPET });
		})
	},
	{
		name: 'close request',
		weight: 3,
		run: onOpen(async (ctx, guild, { channel, openerId }) => {
			const request = await slash(ctx, staffOf(ctx, guild), channel, ['ticket', 'closerequest'], { reason: 'chaos: all done?' });
			const opener = guild.members.find((member) => member.id === openerId);
			if (!request?.message?.components.length || !opener || ctx.random.chance(0.2)) return;
			const close = ctx.random.chance(0.5);
			const click = ctx.discord.world.click(opener.user, request.message, close ? 'Close the ticket' : 'Keep it open');
			if (close) ctx.sent('close');
			await answered(ctx, click);
		})
	},
	{
		name: 'message',
		weight: 12,
		run: onOpen(async (ctx, guild, { channel, openerId }) => {
			const author = guild.members.find((member) => member.id === openerId) ?? staffOf(ctx, guild);
			if (author.can(channel, 'send')) author.say(channel, `chaos message ${ctx.random.int(1e6)} 🎫`);
		})
	}
];

const TOTAL_WEIGHT = OPERATIONS.reduce((sum, op) => sum + op.weight, 0);

/** Picks an operation by weight and runs it in a random guild. */
export async function runOne(ctx: OpContext, guilds: ChaosGuild[]): Promise<void> {
	let roll = ctx.random.int(TOTAL_WEIGHT);
	const op = OPERATIONS.find((candidate) => (roll -= candidate.weight) < 0)!;
	ctx.tally.ops.set(op.name, (ctx.tally.ops.get(op.name) ?? 0) + 1);
	await op.run(ctx, ctx.random.pick(guilds));
}
