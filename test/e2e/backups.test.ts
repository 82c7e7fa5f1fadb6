import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

for (const database of testDatabases()) {
	describe(`configuration backup and restore (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let filename: string;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Backed up' });
			({ discord, home } = scenario);
		}, 60_000);

		afterAll(() => scenario?.stop());

		const prisma = () => scenario.db.prisma;
		const configuration = async () => ({
			settings: await prisma().guildSettings.findUniqueOrThrow({ where: { guildId: home.guild.id } }),
			categories: await prisma().category.findMany({
				where: { guildId: home.guild.id },
				include: { questions: true },
				orderBy: { key: 'asc' }
			}),
			departments: await prisma().department.findMany({ where: { guildId: home.guild.id }, orderBy: { name: 'asc' } }),
			panels: await prisma().panel.findMany({ where: { guildId: home.guild.id }, orderBy: { key: 'asc' } }),
			snippets: await prisma().snippet.findMany({ where: { guildId: home.guild.id }, orderBy: { name: 'asc' } })
		});
		const refusal = (content: string) => content.endsWith('Nothing was changed.');

		it('saves the settings, categories, departments, panels and snippets as a file, without the webhook secret', async () => {
			const billingTeam = discord.world.createRole(home.guild, 'Billing team');
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'billing',
				display_name: 'Billing',
				staff_roles: `<@&${billingTeam.id}>`,
				questions: 'Invoice number | 1-40 | /^[0-9]+$/ ; What happened? | paragraph | optional'
			});
			await home.admin.slash(home.general, ['admin', 'department_upsert'], {
				name: 'Refunds',
				staff_roles: `<@&${billingTeam.id}>`
			});
			await home.admin.slash(home.general, ['admin', 'support_roles'], { roles: `<@&${billingTeam.id}>` });
			await home.admin.slash(home.general, ['admin', 'settings'], { max_open: 2, prefix: '?' });
			await home.admin.slash(home.general, ['admin', 'panel_create'], {
				panel_id: 'help',
				channel: home.general.id,
				title: 'Help'
			});
			await home.admin.slash(home.general, ['admin', 'panel_deploy'], { panel_id: 'help' });
			await home.staff.slash(home.general, ['snippet', 'add'], { name: 'hello', content: 'Hello {opener}!' });
			const token = 'T'.repeat(68);
			await home.admin.slash(home.general, ['security', 'webhook'], {
				url: `${discord.emulator.restUrl}/webhooks/${discord.state.newId()}/${token}`
			});

			const answer = await home.admin.slash(home.general, ['admin', 'config_backup']);
			expect(answer.content).toMatch(
				/^Configuration saved as `config-\d{8}-\d{6}-[0-9a-f]{6}\.json`: settings, 2 categories, 1 departments, 1 panels, 1 snippets\./
			);
			filename = /`(config-[^`]+)`/.exec(answer.content)![1]!;
			const attached = answer.message!.attachments[0]!;
			expect(attached.filename).toBe(filename);
			const onDisk = readFileSync(join(scenario.backupsDir, home.guild.id, filename), 'utf8');
			expect(attached.data.toString('utf8')).toBe(onDisk);
			expect(onDisk).not.toContain(token);
			const file = JSON.parse(onDisk);
			expect(file).toMatchObject({ format: 'ticket-bot-config', version: 1, guildId: home.guild.id });
			expect(file.settings).toMatchObject({ maxOpenPerUser: 2, prefix: '?', supportRoleIds: [billingTeam.id] });
			expect(file.categories.find((category: { key: string }) => category.key === 'billing')).toMatchObject({
				staffRoleIds: [billingTeam.id],
				questions: [
					{ label: 'Invoice number', maxLength: 40, pattern: '^[0-9]+$' },
					{ label: 'What happened?', style: 'paragraph', required: false }
				]
			});
			expect(file.panels[0]).toMatchObject({ key: 'help', channelId: home.general.id });
			expect(file.snippets).toEqual([
				{ name: 'hello', content: 'Hello {opener}!', embed: false, title: null, createdById: home.staff.id }
			]);
		});

		it('refuses unknown, foreign, edited and broken backups, changing nothing', async () => {
			const before = await configuration();
			const other = discord.createGuild('Someone else');
			const theirs = await other.admin.slash(other.general, ['admin', 'config_backup']);
			const theirName = /`(config-[^`]+)`/.exec(theirs.content)![1]!;
			const notFound = /^This server has no backup by that name\. Recent backups: `config-/;
			for (const name of ['../../etc/passwd', theirName, 'config-20260101-000000-abcdef.json'])
				expect((await home.admin.command(home.general, `?admin config_restore ${name}`)).content, name).toMatch(notFound);

			// Tampered with on disk after the bot wrote it.
			const path = join(scenario.backupsDir, home.guild.id, filename);
			const original = readFileSync(path, 'utf8');
			writeFileSync(path, original.replace('"maxOpenPerUser": 2', '"maxOpenPerUser": 50'));
			const edited = await home.admin.slash(home.general, ['admin', 'config_restore'], { filename });
			expect(edited.content).toBe(
				`The backup \`${filename}\` was changed after the bot wrote it, so it is not restored. Nothing was changed.`
			);
			writeFileSync(path, original);

			// A file the guild owns, valid JSON, with one bad value deep inside: nothing of it is applied.
			const broken = JSON.parse(original);
			broken.settings.maxOpenPerUser = 1;
			broken.categories[1].questions[0].pattern = '(a+)+$';
			const content = JSON.stringify(broken);
			const brokenName = 'config-20260102-030405-0a0b0c.json';
			writeFileSync(join(scenario.backupsDir, home.guild.id, brokenName), content);
			await prisma().configBackup.create({
				data: {
					guildId: home.guild.id,
					filename: brokenName,
					createdById: home.admin.id,
					checksum: createHash('sha256').update(content).digest('hex')
				}
			});
			const invalid = await home.admin.slash(home.general, ['admin', 'config_restore'], { filename: brokenName });
			expect(invalid.content).toMatch(
				/^That backup cannot be restored \(categories\.1\.questions\.0\.pattern: .*\)\. Nothing was changed\.$/
			);
			for (const answer of [edited, invalid]) expect(refusal(answer.content)).toBe(true);
			const after = await configuration();
			expect({ ...after, settings: { ...after.settings, updatedAt: null } }).toEqual({
				...before,
				settings: { ...before.settings, updatedAt: null }
			});
		});

		it('puts the configuration back as it was, keeping what tickets use and leaving out deleted roles', async () => {
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'billing',
				display_name: 'Money matters',
				questions: 'Anything?'
			});
			await home.admin.slash(home.general, ['admin', 'category_upsert'], { key: 'spare', display_name: 'Spare' });
			await home.admin.slash(home.general, ['admin', 'category_upsert'], { key: 'used', display_name: 'In use' });
			await home.alice.slash(home.general, ['ticket', 'create'], { category: 'used' });
			await home.admin.slash(home.general, ['admin', 'settings'], { max_open: 9, prefix: '!' });
			await home.admin.slash(home.general, ['admin', 'department_upsert'], {
				name: 'Extra',
				staff_roles: `<@&${home.roles.staff.id}>`
			});
			await home.admin.slash(home.general, ['admin', 'panel_create'], {
				panel_id: 'later',
				channel: home.general.id,
				title: 'Later'
			});
			await home.staff.slash(home.general, ['snippet', 'edit'], { name: 'hello', content: 'Changed' });
			await home.staff.slash(home.general, ['snippet', 'add'], { name: 'extra', content: 'Not in the backup' });
			const billingTeam = [...home.guild.roles.values()].find((role) => role.name === 'Billing team')!;
			discord.world.deleteRole(home.guild, billingTeam);
			// Discord's events come in order: the bot knows the role is gone before it reads the command below.

			const restored = await home.admin.command(home.general, `!admin config_restore ${filename}`);
			expect(restored.content.split('\n')).toEqual([
				'Configuration restored: settings, 2 categories, 1 departments, 1 panels, 1 snippets. Run `/admin panel_deploy` to refresh panels already posted.',
				'3 roles or channels of the backup no longer exist and were left out.',
				'Kept because tickets still use them: `used`.'
			]);
			const now = await configuration();
			expect(now.settings).toMatchObject({ maxOpenPerUser: 2, prefix: '?', supportRoleIds: '[]' });
			expect(now.categories.map((category) => category.key)).toEqual(['billing', 'quick', 'used']);
			const billing = now.categories.find((category) => category.key === 'billing')!;
			expect(billing).toMatchObject({ displayName: 'Billing', staffRoleIds: '[]' });
			expect(billing.questions.map((question) => question.label).sort()).toEqual(['Invoice number', 'What happened?']);
			expect(now.departments.map((department) => department.name)).toEqual(['Refunds']);
			expect(now.panels.map((panel) => panel.key)).toEqual(['help']);
			expect(now.snippets.map((snippet) => [snippet.name, snippet.content])).toEqual([['hello', 'Hello {opener}!']]);
			// The restored prefix and panel work at once.
			expect((await home.admin.command(home.general, '?admin panel_deploy help')).content).toMatch(
				/^Panel `help` updated in place/
			);
			const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: 'settings.restored' } });
			expect(audit.actorId).toBe(home.admin.id);
		}, 60_000);
	});
}
