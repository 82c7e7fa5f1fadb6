import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionValue } from '../emulator/world.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

/**
 * Every /admin and /security subcommand, as Discord lists them, run by members who are not admins: each
 * is refused with the same message, by slash and by prefix, and nothing changes.
 */
const ADMIN_ONLY = "Only server admins can do that: you need the Manage Server permission or one of the bot's admin roles.";
/** /admin reload affects every server: even server admins are refused unless they own the bot. */
const OWNER_ONLY = "Only the bot's owners can do that, because it affects every server.";

interface RegisteredOption {
	name: string;
	type: number;
	required?: boolean;
	choices?: { value: string | number }[];
	min_value?: number;
	options?: RegisteredOption[];
}

for (const database of testDatabases()) {
	describe(`only admins configure the bot (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let categoryStaff: Actor;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Admins only' });
			({ discord, home } = scenario);
			categoryStaff = home.staff;
		}, 60_000);

		afterAll(() => scenario?.stop());

		/** A valid value for each required option, so that only the permission check can refuse. */
		function requiredOptions(sub: RegisteredOption): Record<string, OptionValue> {
			const values: Record<string, OptionValue> = {};
			for (const option of sub.options ?? []) {
				if (!option.required) continue;
				values[option.name] = option.choices?.length
					? option.choices[0]!.value
					: option.type === ApplicationCommandOptionType.Integer
						? (option.min_value ?? 1)
						: option.type === ApplicationCommandOptionType.Boolean
							? false
							: option.type === ApplicationCommandOptionType.User
								? home.alice.id
								: option.type === ApplicationCommandOptionType.Channel
									? home.general.id
									: option.type === ApplicationCommandOptionType.Role
										? home.roles.staff.id
										: 'value';
			}
			return values;
		}

		const snapshot = async () => {
			const prisma = scenario.db.prisma;
			const guildId = home.guild.id;
			return {
				settings: await prisma.guildSettings.findUnique({ where: { guildId } }),
				audit: await prisma.auditEvent.count({ where: { guildId } }),
				security: await prisma.securityEvent.count({ where: { guildId } }),
				categories: await prisma.category.findMany({ where: { guildId }, orderBy: { id: 'asc' } }),
				panels: await prisma.panel.count({ where: { guildId } }),
				blacklist: await prisma.blacklistEntry.count({ where: { guildId } })
			};
		};

		for (const command of ['admin', 'security'])
			it(`refuses every /${command} subcommand to staff and members, by slash and prefix, changing nothing`, async () => {
				await discord.waitFor(() => discord.emulator.state.commands.size > 0, 'the commands');
				const registered = [...discord.emulator.state.commands.values()].find((entry) => entry.body.name === command)!;
				const subcommands = registered.body.options as RegisteredOption[];
				expect(subcommands.length).toBeGreaterThan(3);
				const before = await snapshot();
				const outcomes: string[] = [];
				for (const sub of subcommands) {
					const options = requiredOptions(sub);
					const refusal = sub.name === 'reload' ? OWNER_ONLY : ADMIN_ONLY;
					for (const actor of [categoryStaff, home.alice]) {
						const answer = await actor.slash(home.general, [command, sub.name], options);
						if (answer.content !== refusal) outcomes.push(`/${command} ${sub.name} by ${actor.user.username}: ${answer.content}`);
					}
					const typed = [`!${command}`, sub.name, ...Object.values(options).map(String)].join(' ');
					const reply = await home.alice.command(home.general, typed);
					if (reply.content !== refusal) outcomes.push(`${typed}: ${reply.content}`);
				}
				expect(outcomes).toEqual([]);
				expect(await snapshot()).toEqual(before);
			}, 60_000);
	});
}
