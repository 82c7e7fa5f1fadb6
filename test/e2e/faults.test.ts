import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel, ERole } from '../emulator/state.js';
import type { OptionValue } from '../emulator/world.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, Answer, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

/**
 * Every ticket operation that changes something on Discord, with Discord failing that change: an outage
 * (500, retried by discord.js until it gives up) and a refusal (403 50013, the bot lost a permission).
 * Afterwards the database and Discord still agree (the ticket's row, its timeline and its channel are
 * as before), and the person who asked reads what went wrong and that nothing changed.
 */
interface Row {
	name: string;
	/** The operation, as the person would do it. */
	run(world: World, channel: EChannel): Promise<Answer>;
	setup?: (world: World, channel: EChannel) => Promise<unknown>;
	/** The permission Discord's refusal names. */
	permission: 'Manage Permissions' | 'Manage Channels';
}

interface World {
	home: GuildFixture;
	target: Actor;
	discord: TestDiscord;
}

const slash =
	(path: string[], options: Record<string, OptionValue> = {}, who: (world: World) => Actor = ({ home }) => home.staff) =>
	(world: World, channel: EChannel) =>
		who(world).slash(channel, path, options);

const ROWS: Row[] = [
	{ name: 'close', run: slash(['ticket', 'close'], { reason: 'done' }), permission: 'Manage Permissions' },
	{ name: 'lock', run: slash(['ticket', 'lock']), permission: 'Manage Permissions' },
	{
		name: 'unlock',
		setup: slash(['ticket', 'lock']),
		run: slash(['ticket', 'unlock']),
		permission: 'Manage Permissions'
	},
	{
		name: 'reopen',
		setup: slash(['ticket', 'close'], { reason: 'done' }),
		run: slash(['ticket', 'reopen']),
		permission: 'Manage Permissions'
	},
	{
		name: 'adduser',
		run: (world, channel) => world.home.staff.slash(channel, ['ticket', 'adduser'], { member: world.home.bob.id }),
		permission: 'Manage Permissions'
	},
	{
		name: 'removeuser',
		setup: (world, channel) => world.home.staff.slash(channel, ['ticket', 'adduser'], { member: world.home.bob.id }),
		run: (world, channel) => world.home.staff.slash(channel, ['ticket', 'removeuser'], { member: world.home.bob.id }),
		permission: 'Manage Permissions'
	},
	{
		name: 'transfer',
		run: (world, channel) => world.home.staff.slash(channel, ['ticket', 'transfer'], { member: world.target.id }),
		permission: 'Manage Permissions'
	},
	{ name: 'rename', run: slash(['ticket', 'rename'], { new_name: 'renamed' }), permission: 'Manage Channels' },
	{ name: 'escalate', run: slash(['ticket', 'escalate'], { level: 1 }), permission: 'Manage Permissions' },
	{ name: 'department', run: slash(['ticket', 'department'], { name: 'Billing' }), permission: 'Manage Permissions' },
	{
		name: 'softdelete',
		run: slash(['ticket', 'softdelete'], {}, ({ home }) => home.admin),
		permission: 'Manage Permissions'
	},
	{
		name: 'forceclose, deleting the channel',
		run: slash(['ticket', 'forceclose'], { delete_channel: true, reason: 'spam' }, ({ home }) => home.admin),
		permission: 'Manage Channels'
	},
	{
		name: 'harddelete',
		run: async ({ home }, channel) => {
			const confirm = await home.admin.slash(channel, ['ticket', 'harddelete']);
			return home.admin.click(confirm.message!, 'Delete permanently');
		},
		permission: 'Manage Channels'
	}
];

const FAULTS = [
	{ kind: 'an outage (500)', status: 500, code: 0, message: () => 'Discord did not answer (it may be having trouble).' },
	{
		kind: 'a refusal (403 50013)',
		status: 403,
		code: 50013,
		message: (row: Row, channel: EChannel) => `Discord refused: I need the **${row.permission}** permission in <#${channel.id}>.`
	}
] as const;

const UNCHANGED = ' Nothing was changed: try again once that is fixed.';

for (const database of testDatabases()) {
	describe(`a Discord that fails the change (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let target: Actor;
		let seniors: ERole;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Faults' });
			({ discord, home } = scenario);
			target = discord.join(home.guild, 'target');
			seniors = discord.world.createRole(home.guild, 'Seniors');
			const billing = discord.world.createRole(home.guild, 'Billing team');
			await home.admin.slash(home.general, ['admin', 'escalation_roles'], { roles: `<@&${seniors.id}>` });
			await home.admin.slash(home.general, ['admin', 'department_upsert'], { name: 'Billing', staff_roles: `<@&${billing.id}>` });
		}, 60_000);

		afterEach(() => discord.emulator.limits.clearFaults());
		afterAll(() => scenario?.stop());

		/** What the database and Discord hold of a ticket. */
		async function stateOf(channel: EChannel) {
			// A transcript a close in setup() queued may land meanwhile: it is not the failed operation's doing.
			const {
				updatedAt: _updatedAt,
				transcriptHtmlPath: _html,
				transcriptTxtPath: _txt,
				transcriptPostedAt: _posted,
				...row
			} = await scenario.db.prisma.ticket.findUniqueOrThrow({
				where: { id: (await scenario.db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id } })).id },
				include: { participants: { select: { userId: true } } }
			});
			return {
				row,
				timeline: await scenario.timeline(channel),
				channel: discord.state.channels.has(channel.id)
					? { name: channel.name, overwrites: structuredClone(channel.overwrites) }
					: 'deleted'
			};
		}

		for (const row of ROWS) {
			for (const fault of FAULTS) {
				it(`${row.name}, against ${fault.kind}`, async () => {
					const world: World = { home, target, discord };
					const opener = discord.join(home.guild, `opener-${Math.random().toString(36).slice(2, 8)}`);
					const { channel } = await scenario.openTicket(opener);
					await row.setup?.(world, channel);
					const before = await stateOf(channel);
					const path = new RegExp(`^/channels/${channel.id}(/permissions/\\d+)?$`);
					for (const method of ['PUT', 'PATCH', 'DELETE'])
						discord.emulator.limits.injectApiError(
							{ method, route: path },
							{ status: fault.status, code: fault.code, message: 'injected', count: 20 }
						);

					const answer = await row.run(world, channel);
					const told = `${fault.message(row, channel)}${UNCHANGED}`;
					// The answer itself, or a follow-up when the answer came first (the channel was to be deleted).
					const shown = () =>
						[answer.interaction.originalMessageId, ...answer.interaction.followUpIds].map(
							(id) => (id && discord.state.messages.get(id)?.content) || ''
						);
					await discord
						.waitFor(() => shown().includes(told), `"${told}"`, 8_000)
						.catch((error: Error) => {
							throw new Error(`${error.message}; the bot answered ${JSON.stringify(shown())}`);
						});
					discord.emulator.limits.clearFaults();
					expect(await stateOf(channel)).toEqual(before);
					expect(shown().some((content) => /E-[0-9A-Z]{8}/.test(content))).toBe(false);
				}, 60_000);
			}
		}
	});
}
