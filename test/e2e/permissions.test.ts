import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionValue } from '../emulator/world.js';
import type { EChannel } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

/**
 * Every /ticket subcommand run by every kind of member: allowed, or refused with the message that says
 * why. A refused run changes nothing on the ticket; an allowed one answers without an error reference.
 */
const ACTORS = ['owner', 'admin', 'staff', 'otherStaff', 'opener', 'participant', 'outsider', 'foreign'] as const;
type ActorName = (typeof ACTORS)[number];

const STAFF_ONLY = "Only the staff of this ticket's category can do that.";
const ADMIN_ONLY = "Only server admins can do that: you need the Manage Server permission or one of the bot's admin roles.";
const NOT_A_TICKET = "This channel is not a ticket. Use this command inside the ticket's channel.";
const NOT_YOURS = 'Only the staff and the people in this ticket can see its details.';
const ONLY_OPENER = 'Only the person who opened this ticket can rate it.';

const TRANSCRIPT_REFUSED = 'Only the staff and the person who opened this ticket can get its transcript.';
/** Subcommands that only read: they leave nothing in the timeline. */
const TRACELESS = new Set(['info', 'harddelete', 'transcript']);
const REFUSALS = new Set([STAFF_ONLY, ADMIN_ONLY, NOT_A_TICKET, NOT_YOURS, ONLY_OPENER, TRANSCRIPT_REFUSED]);

type Expectation = 'allowed' | string;

interface Row {
	subcommand: string;
	options?: (world: World) => Record<string, OptionValue>;
	/** Puts a fresh ticket in the state the subcommand starts from. */
	setup?: (world: World, channel: EChannel) => Promise<unknown>;
	/** Runs outside any ticket (list, create). */
	anywhere?: boolean;
	expect: Partial<Record<ActorName, Expectation>>;
}

interface World {
	home: GuildFixture;
	target: Actor;
}

/** Staff-level operations: owner, admin and the category's staff may; everybody else is told it is for staff. */
const staffOnly = (): Row['expect'] => ({
	owner: 'allowed',
	admin: 'allowed',
	staff: 'allowed',
	otherStaff: STAFF_ONLY,
	opener: STAFF_ONLY,
	participant: STAFF_ONLY,
	outsider: STAFF_ONLY
});
const adminOnly = (): Row['expect'] => ({
	owner: 'allowed',
	admin: 'allowed',
	staff: ADMIN_ONLY,
	otherStaff: ADMIN_ONLY,
	opener: ADMIN_ONLY,
	participant: ADMIN_ONLY,
	outsider: ADMIN_ONLY
});

const ROWS: Row[] = [
	{ subcommand: 'claim', expect: staffOnly() },
	{
		subcommand: 'unclaim',
		setup: ({ home }, channel) => home.staff.slash(channel, ['ticket', 'claim']),
		expect: staffOnly()
	},
	{ subcommand: 'lock', expect: staffOnly() },
	{ subcommand: 'unlock', setup: ({ home }, channel) => home.staff.slash(channel, ['ticket', 'lock']), expect: staffOnly() },
	// The guild lets openers close their own tickets (allowOpenerClose in the config below).
	{ subcommand: 'close', options: () => ({ reason: 'done' }), expect: { ...staffOnly(), opener: 'allowed' } },
	{
		subcommand: 'reopen',
		setup: ({ home }, channel) => home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' }),
		expect: staffOnly()
	},
	{ subcommand: 'rename', options: () => ({ new_name: 'renamed' }), expect: staffOnly() },
	{ subcommand: 'transfer', options: ({ target }) => ({ member: target.id }), expect: staffOnly() },
	{ subcommand: 'adduser', options: ({ target }) => ({ member: target.id }), expect: staffOnly() },
	{ subcommand: 'removeuser', options: ({ home }) => ({ member: home.bob.id }), expect: staffOnly() },
	{ subcommand: 'priority', options: () => ({ level: 'high' }), expect: staffOnly() },
	{ subcommand: 'tags', options: () => ({ tags: 'refund' }), expect: staffOnly() },
	{ subcommand: 'note', options: () => ({ text: 'internal' }), expect: staffOnly() },
	{ subcommand: 'escalate', options: () => ({ level: 1 }), expect: staffOnly() },
	{ subcommand: 'department', options: () => ({ name: 'Billing' }), expect: staffOnly() },
	{ subcommand: 'scheduleclose', options: () => ({ minutes: 30 }), expect: staffOnly() },
	{ subcommand: 'closerequest', options: () => ({ reason: 'solved?' }), expect: staffOnly() },
	{ subcommand: 'softdelete', expect: adminOnly() },
	{ subcommand: 'harddelete', expect: adminOnly() },
	{ subcommand: 'forceclose', options: () => ({ delete_channel: false, reason: 'spam' }), expect: adminOnly() },
	{
		subcommand: 'feedback',
		options: () => ({ stars: 5 }),
		setup: ({ home }, channel) => home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' }),
		expect: {
			owner: ONLY_OPENER,
			admin: ONLY_OPENER,
			staff: ONLY_OPENER,
			otherStaff: ONLY_OPENER,
			opener: 'allowed',
			participant: ONLY_OPENER,
			outsider: ONLY_OPENER
		}
	},
	{
		subcommand: 'info',
		expect: {
			owner: 'allowed',
			admin: 'allowed',
			staff: 'allowed',
			otherStaff: NOT_YOURS,
			opener: 'allowed',
			participant: 'allowed',
			outsider: NOT_YOURS
		}
	},
	{
		subcommand: 'transcript',
		expect: {
			owner: 'allowed',
			admin: 'allowed',
			staff: 'allowed',
			otherStaff: TRANSCRIPT_REFUSED,
			opener: 'allowed',
			participant: TRANSCRIPT_REFUSED,
			outsider: TRANSCRIPT_REFUSED
		}
	},
	{ subcommand: 'list', anywhere: true, expect: Object.fromEntries(ACTORS.map((actor) => [actor, 'allowed'])) },
	{
		subcommand: 'create',
		anywhere: true,
		options: () => ({ category: 'quick' }),
		expect: Object.fromEntries(ACTORS.map((actor) => [actor, 'allowed']))
	}
];

const CONFIG = [
	'tickets: { maxOpenPerUser: 50, hourlyLimit: 1000, cooldownSeconds: 0, allowOpenerClose: true }',
	'categories:',
	'  - { key: quick, displayName: Quick question }'
].join('\n');

for (const database of testDatabases()) {
	describe(`who may run each /ticket subcommand (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let elsewhere: GuildFixture;
		let otherStaff: Actor;
		let outsider: Actor;
		let target: Actor;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Permissions', config: CONFIG });
			({ discord, home } = scenario);
			const otherTeam = discord.world.createRole(home.guild, 'Other team');
			const billingTeam = discord.world.createRole(home.guild, 'Billing team');
			otherStaff = discord.join(home.guild, 'otherstaff', [otherTeam]);
			outsider = discord.join(home.guild, 'outsider');
			target = discord.join(home.guild, 'target');
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'other',
				display_name: 'Other things',
				staff_roles: `<@&${otherTeam.id}>`
			});
			await home.admin.slash(home.general, ['admin', 'department_upsert'], {
				name: 'Billing',
				staff_roles: `<@&${billingTeam.id}>`
			});
			elsewhere = discord.createGuild('Elsewhere');
			await discord.waitFor(() => discord.emulator.state.commands.size > 0, 'the commands');
		}, 60_000);

		afterAll(() => scenario?.stop());

		/** A fresh ticket of the `quick` category, opened by its own member, with bob as a participant. */
		async function freshTicket(row: Row, world: World): Promise<{ channel: EChannel; opener: Actor }> {
			const opener = discord.join(home.guild, `opener-${row.subcommand}-${Math.random().toString(36).slice(2, 8)}`);
			const { channel } = await scenario.openTicket(opener);
			await home.staff.slash(channel, ['ticket', 'adduser'], { member: home.bob.id });
			await row.setup?.(world, channel);
			return { channel, opener };
		}

		function actorFor(name: ActorName, opener: Actor): Actor {
			const actors: Record<ActorName, Actor> = {
				owner: home.owner,
				admin: home.admin,
				staff: home.staff,
				otherStaff,
				opener,
				participant: home.bob,
				outsider,
				foreign: elsewhere.owner
			};
			return actors[name];
		}

		for (const row of ROWS) {
			it(`/ticket ${row.subcommand}`, async () => {
				const world: World = { home, target };
				const options = row.options?.(world) ?? {};
				// Refusals share one ticket, which must come out of them unchanged.
				const shared = row.anywhere ? null : await freshTicket(row, world);
				const before = shared ? await scenario.ticketRow(shared.channel) : null;
				const timelineBefore = shared ? await scenario.timeline(shared.channel) : [];
				const outcomes: string[] = [];
				for (const name of ACTORS) {
					const expected = name === 'foreign' && !row.anywhere ? NOT_A_TICKET : row.expect[name];
					if (expected === undefined) throw new Error(`no expectation for ${name}`);
					const ticket = expected === 'allowed' && !row.anywhere ? await freshTicket(row, world) : shared;
					const actor = actorFor(name, ticket?.opener ?? shared?.opener ?? home.alice);
					const where = name === 'foreign' ? elsewhere.general : (ticket?.channel ?? home.general);
					const eventsBy = async () =>
						ticket
							? db().auditEvent.count({ where: { ticketId: (await scenario.ticketRow(ticket.channel)).id, actorId: actor.id } })
							: 0;
					const eventsBefore = await eventsBy();
					const answer = await actor.slash(where, ['ticket', row.subcommand], options);
					const refused = expected !== 'allowed';
					const ok = refused
						? answer.content === expected
						: !REFUSALS.has(answer.content) && !/E-[0-9A-Z]{8}/.test(answer.content);
					outcomes.push(`${name}: ${ok ? 'as expected' : `expected ${expected}, got ${JSON.stringify(answer.content)}`}`);
					if (!refused && ticket && !TRACELESS.has(row.subcommand) && (await eventsBy()) === eventsBefore)
						outcomes.push(`${name}: allowed but nothing new in the timeline`);
				}
				expect(outcomes.filter((line) => !line.endsWith('as expected'))).toEqual([]);
				const fresh = row.anywhere ? null : await freshTicket(row, world);
				const name: ActorName = row.expect.staff === 'allowed' ? 'staff' : row.expect.owner === 'allowed' ? 'owner' : 'opener';
				const actor = actorFor(name, fresh?.opener ?? home.alice);
				// The same operation typed as a prefix command goes through the same code and leaves the same trace
				// (not feedback: a closed ticket's opener can no longer type in it and uses the buttons or the slash command).
				if (fresh && actor.can(fresh.channel, 'send')) {
					const { id } = await scenario.ticketRow(fresh.channel);
					const before = await db().auditEvent.count({ where: { ticketId: id, actorId: actor.id } });
					const reply = await actor.command(
						fresh.channel,
						['!ticket', row.subcommand, ...Object.values(options).map(String)].join(' ')
					);
					expect(REFUSALS.has(reply.content) || /E-[0-9A-Z]{8}/.test(reply.content), reply.content).toBe(false);
					if (!TRACELESS.has(row.subcommand))
						expect(await db().auditEvent.count({ where: { ticketId: id, actorId: actor.id } })).toBeGreaterThan(before);
				}
				if (shared && before) {
					const after = await scenario.ticketRow(shared.channel);
					// The transcript a close in setup() started may land meanwhile: it is not the refused command's doing.
					const unchanged = { updatedAt: null, transcriptHtmlPath: null, transcriptTxtPath: null, transcriptPostedAt: null };
					expect({ ...after, ...unchanged }).toEqual({ ...before, ...unchanged });
					expect(await scenario.timeline(shared.channel)).toEqual(timelineBefore);
				}
			}, 60_000);
		}

		const db = () => scenario.db.prisma;
	});
}
