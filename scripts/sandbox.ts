import { ChannelType } from 'discord-api-types/v10';
// npm run sandbox: the bot against the project's Discord emulator, with a demo guild, played through a
// narrated scenario. No Discord account, token or network needed; SQLite in a temporary folder.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EMessage } from '../test/emulator/state.js';
import { startBot, type TestBot } from '../test/harness/bot.js';
import { dashboardEnv, freePort, loginWithoutBrowser } from '../test/harness/dashboard.js';
import { TestDiscord } from '../test/harness/TestDiscord.js';

const step = (text: string) => console.log(`\n== ${text}`);

/** A message as a person would read it: text, embed titles and fields, buttons. */
function describe(message: EMessage | null): string {
	if (!message) return '(no message)';
	const embeds = (message.embeds as { title?: string; description?: string; fields?: { name: string; value: string }[] }[]).map(
		(embed) =>
			[
				embed.title && `[${embed.title}]`,
				embed.description,
				...(embed.fields ?? []).map((field) => `${field.name}: ${field.value}`)
			]
				.filter(Boolean)
				.join(' | ')
	);
	const controls = (message.components as { components?: { label?: string; placeholder?: string }[] }[])
		.flatMap((row) => row.components ?? [])
		.map((component) => `(${component.label ?? component.placeholder ?? 'menu'})`);
	return [message.content, ...embeds, controls.join(' ')].filter(Boolean).join(' ');
}
const show = (text: string) => console.log(`   ${readable(text)}`.replaceAll('\n', '\n   '));

/** Mentions and timestamps as the Discord client shows them. */
function readable(text: string): string {
	if (!discord) return text;
	const { state } = discord;
	return text
		.replace(
			/<@&(\d+)>/g,
			(_, id: string) => `@${[...state.guilds.values()].map((guild) => guild.roles.get(id)?.name).find(Boolean) ?? id}`
		)
		.replace(/<@!?(\d+)>/g, (_, id: string) => `@${state.users.get(id)?.username ?? id}`)
		.replace(/<#(\d+)>/g, (_, id: string) => `#${state.channels.get(id)?.name ?? id}`)
		.replace(/<t:(\d+):\w>/g, (_, seconds: string) =>
			new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace('T', ' ')
		);
}

const folder = mkdtempSync(join(tmpdir(), 'ticket-bot-sandbox-'));
/** storage.transcriptsDir of config/config.example.yaml, from the project's folder. */
const TRANSCRIPTS = resolve('data/transcripts');
const startedAt = Date.now();
const databaseUrl = `file:${join(folder, 'sandbox.db')}`;
let discord: TestDiscord | undefined;
let bot: TestBot | undefined;

try {
	const emulatorDiscord = await TestDiscord.start();
	discord = emulatorDiscord;
	step(`Discord emulator listening: REST ${discord.emulator.restUrl}, gateway ${discord.emulator.gatewayUrl}`);
	const home = discord.createGuild('Sandbox Support');
	show(`guild "${home.guild.name}": owner, admin (Admin role), staff (Support role), alice, bob; channel #${home.general.name}`);

	const webPort = await freePort();
	const dashboardUrl = `http://127.0.0.1:${webPort}`;
	step(
		`Starting the bot as \`npm start\` would (SQLite at ${databaseUrl}, no Redis, config/config.example.yaml, WEB_PORT=${webPort})`
	);
	bot = startBot(discord.emulator, {
		databaseUrl,
		configPath: 'config/config.example.yaml',
		env: dashboardEnv(discord, webPort)
	});
	await bot.ready;
	for (const line of bot.output().trim().split('\n')) show(`bot | ${line.replace(/^\S+ \S+ - /, '')}`);

	const { gateway } = discord.emulator;
	step('What Discord saw');
	show(
		`gateway: ${gateway.readyCount} READY, ${gateway.log.filter((entry) => entry.t === 'GUILD_CREATE').length} GUILD_CREATE, ${gateway.connectedSessions()} session(s) connected`
	);
	const commands = [...discord.state.commands.values()].map((command) => `/${String(command.body.name)}`);
	show(
		`slash commands registered: ${commands.length > 0 ? commands.join(', ') : 'none yet (ticket commands arrive with the next features)'}`
	);
	show(`REST calls: ${discord.emulator.calls.map((call) => `${call.method} ${call.route}`).join('; ')}`);

	step('admin: /admin category_list (categories come from config.yaml on first use)');
	const categories = await home.admin.slash(home.general, ['admin', 'category_list']);
	show(describe(categories.message));

	step('admin: /admin category_upsert general "General support" staff_roles:@Support');
	show(
		(
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'general',
				display_name: 'General support',
				staff_roles: `<@&${home.roles.staff.id}>`
			})
		).content
	);

	step('admin: /admin set_channels #transcripts #ticket-log (transcripts and ticket events go there)');
	const transcriptChannel = discord.world.createChannel(home.guild, { name: 'transcripts' });
	const logChannel = discord.world.createChannel(home.guild, { name: 'ticket-log' });
	show(
		(
			await home.admin.slash(home.general, ['admin', 'set_channels'], {
				transcript_channel: transcriptChannel.id,
				log_channel: logChannel.id
			})
		).content
	);

	step('alice tries an admin command and is refused');
	show((await home.alice.slash(home.general, ['admin', 'panel_list'])).content);

	step('admin: /admin panel_create support #general "Need help?" mode:buttons, then /admin panel_deploy support');
	show(
		(
			await home.admin.slash(home.general, ['admin', 'panel_create'], {
				panel_id: 'support',
				channel: home.general.id,
				title: 'Need help?',
				description: 'Pick a topic and we will open a private channel for you.'
			})
		).content
	);
	show((await home.admin.slash(home.general, ['admin', 'panel_deploy'], { panel_id: 'support' })).content);
	const panel = discord.botMessages(home.general).at(-1)!;
	show(`#general now shows: ${describe(panel)}`);

	step('alice clicks "General support" on the panel');
	const form = await home.alice.click(panel, 'General support');
	const modal = form.modal as { title: string; components: { components: { label: string }[] }[] };
	show(`a form opens: "${modal.title}" asking ${modal.components.map((row) => `"${row.components[0]!.label}"`).join(', ')}`);

	step('alice fills in the form and submits it');
	const opened = await home.alice.submit(form, { 'What do you need help with?': 'My order #1234 never arrived, can you check?' });
	show(`only alice sees: ${opened.content}`);
	const channel = discord.state.channel(/<#(\d+)>/.exec(opened.content)![1]!);
	show(
		`new channel #${channel.name}: alice can write ${home.alice.can(channel, 'send')}, staff can see ${home.staff.can(channel, 'view')}, bob can see ${home.bob.can(channel, 'view')}`
	);
	const welcome = await discord.message(
		channel,
		(message) => message.authorId === emulatorDiscord.emulator.botId,
		'the welcome message'
	);
	show(`#${channel.name} shows: ${describe(welcome)}`);

	step('staff answers with a canned reply: /snippet add, then /snippet send (the first staff answer is timed)');
	const snippetSaved = await home.staff.slash(home.general, ['snippet', 'add'], {
		name: 'order-check',
		content: 'Hi {opener}, {staff} here: I am checking ticket {ticket} with the carrier now.'
	});
	show(`/snippet add → (only staff sees) ${snippetSaved.content.split('\n')[0]}`);
	show(
		`/snippet send, typing "ord": autocomplete offers ${(await home.staff.autocomplete(channel, ['snippet', 'send'], 'name', 'ord')).map((choice) => choice.value).join(', ')}`
	);
	const sent = await home.staff.slash(channel, ['snippet', 'send'], { name: 'order-check' });
	show(`/snippet send order-check → (only staff sees) ${sent.content}`);
	const snippetPost = await discord.waitFor(
		() => discord?.botMessages(channel).findLast((message) => !message.interactionId && message.content.startsWith('Hi ')),
		'the snippet in the ticket'
	);
	show(`#${channel.name} shows, from the bot: ${snippetPost.content}`);

	step('staff works the ticket: claim, note, priority, adduser, lock, close');
	const staffSays = async (path: string[], options: Record<string, string | number> = {}) => {
		const answer = await home.staff.slash(channel, ['ticket', ...path], options);
		show(`/ticket ${path.join(' ')} → ${answer.ephemeral ? '(only staff sees) ' : ''}${answer.content.split('\n')[0]}`);
		return answer;
	};
	await staffSays(['claim']);
	await staffSays(['note'], { text: 'Order 1234 is stuck at the carrier' });
	await staffSays(['priority'], { level: 'high' });
	await staffSays(['adduser'], { member: home.bob.id });
	show(`bob can now write in #${channel.name}: ${home.bob.can(channel, 'send')}`);
	await staffSays(['lock']);
	show(`alice can still read: ${home.alice.can(channel, 'view')}, and write: ${home.alice.can(channel, 'send')}`);
	await staffSays(['unlock']);
	await staffSays(['rename'], { new_name: 'order-1234' });
	await staffSays(['rename'], { new_name: 'order-1234-carrier' });
	await staffSays(['rename'], { new_name: 'order-1234-delivered' });
	show(
		`the channel is still #${channel.name}: the third rename waits for Discord's limit, then runs by itself (even after a restart)`
	);

	step('staff asks alice whether the ticket can be closed: /ticket closerequest; alice keeps it open');
	const request = await staffSays(['closerequest'], { reason: 'The carrier confirmed delivery', hours: 24 });
	show(`alice is pinged and sees: ${describe(request.message)}`);
	show(`alice clicks "Keep it open" → ${(await home.alice.click(request.message!, 'Keep it open')).content}`);
	const closed = await staffSays(['close'], { reason: 'Carrier confirmed delivery for tomorrow' });
	show(`the close message offers: ${describe(closed.message)}`);

	step('alice rates the ticket: 5 stars');
	const rating = await home.alice.click(closed.message!, '5★');
	show((await home.alice.submit(rating, { 'Anything to add? (optional)': 'Fast and friendly' })).content);

	step('staff reads /ticket info (internal notes included; alice would not see them)');
	show(describe((await home.staff.slash(channel, ['ticket', 'info'])).message));

	step('the close saved the transcript and posted it to #transcripts; #ticket-log holds every event');
	const post = await discord.waitFor(
		() => discord?.botMessages(transcriptChannel).find((message) => message.attachments.length === 2),
		'the transcript post',
		15_000
	);
	show(`#transcripts: ${describe(post)} + files ${post.attachments.map((attachment) => attachment.filename).join(', ')}`);
	show(
		`#ticket-log: ${discord
			.botMessages(logChannel)
			.map((message) => (message.embeds as { footer?: { text?: string } }[])[0]?.footer?.text)
			.join(', ')}`
	);

	step('staff right-click bob’s message: Apps → Open a ticket about this (the ticket is bob’s)');
	const question = home.bob.say(home.general, 'Is the **summer sale** still on? My code SUMMER24 fails');
	const menu = await home.staff.messageCommand(question, 'Open a ticket about this');
	show(`only staff sees: ${describe(menu.message)}`);
	const [firstCategory] = (menu.message!.components as { components: { options: { value: string }[] }[] }[])[0]!.components[0]!
		.options;
	await home.staff.select(menu.message!, [firstCategory!.value]);
	const fromMessage = await discord.waitFor(
		() => (menu.message!.content.startsWith('Ticket #') ? menu.message!.content : undefined),
		'the ticket about the message'
	);
	show(`staff reads: ${fromMessage}`);
	const quoted = discord.state.channel(/<#(\d+)>/.exec(fromMessage)![1]!);
	const quoteMessage = await discord.message(
		quoted,
		(message) => message.authorId === emulatorDiscord.emulator.botId,
		'the quote'
	);
	show(`#${quoted.name} starts with: ${describe(quoteMessage)}`);

	step('staff looks at the numbers: /analytics dashboard');
	const dashboard = (await home.staff.slash(home.general, ['analytics', 'dashboard'])).message;
	for (const field of (dashboard?.embeds[0] as { fields?: { name: string; value: string }[] })?.fields ?? [])
		show(`${field.name}: ${field.value.replaceAll('\n', ' | ')}`);

	step('staff check the SLAs: /analytics sla (missed per category and per staff member)');
	const sla = (await home.staff.slash(home.general, ['analytics', 'sla'])).message;
	for (const field of (sla?.embeds[0] as { fields?: { name: string; value: string }[] })?.fields ?? [])
		show(`${field.name}: ${field.value.replaceAll('\n', ' | ')}`);

	step('an admin gives a category working hours: SLAs count working time; out of hours, creation can pause');
	show(
		(
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'general',
				display_name: 'General support',
				working_hours: 'Europe/Paris; mon-fri 09:00-12:30 13:30-18:00; closed 2026-12-25',
				out_of_hours: 'notice',
				resolution_sla_minutes: 2880
			})
		).content
	);

	step('an admin pauses ticket creation: /security lockdown, then /security unlockdown');
	show((await home.admin.slash(home.general, ['security', 'lockdown'], { reason: 'maintenance' })).content);
	show(
		`alice tries /ticket create → ${(await home.alice.slash(home.general, ['ticket', 'create'], { category: 'general' })).content}`
	);
	show((await home.admin.slash(home.general, ['security', 'unlockdown'])).content);

	step('an admin walks through /admin setup (each choice is saved as it is made)');
	const wizardTitle = (answer: { message: { embeds: unknown[] } | null }) =>
		(answer.message!.embeds[0] as { title: string }).title;
	const setup = await home.admin.slash(home.general, ['admin', 'setup']);
	const wizard = setup.message!;
	show(wizardTitle(setup));
	const helpdesk = discord.world.createRole(home.guild, 'Helpdesk');
	await home.admin.pick(wizard, 't1:setup:1:0', [home.roles.staff.id, helpdesk.id]);
	show('  picks @Support and @Helpdesk as support roles');
	show(wizardTitle(await home.admin.click(wizard, 'Next ▶')));
	const ticketsCategory = discord.world.createChannel(home.guild, { name: 'Tickets', type: ChannelType.GuildCategory });
	await home.admin.pick(wizard, 't1:setup:2:0', [ticketsCategory.id]);
	show('  picks the Discord category "Tickets" for new ticket channels');
	show(wizardTitle(await home.admin.click(wizard, 'Next ▶')));
	show(wizardTitle(await home.admin.click(wizard, 'Next ▶')));
	await home.admin.click(wizard, 'Post the panel');
	show('  posts the panel again (the same message is edited)');
	const summary = await home.admin.click(wizard, 'Next ▶');
	show(wizardTitle(summary));
	for (const line of describe(summary.message)
		.split(/\n|\| /)
		.slice(0, 6))
		show(`  ${line.trim()}`);

	step('alice clicks again: the guard explains why not');
	const again = await home.alice.click(panel, 'General support');
	show(again.content);

	step('Gateway drops the connection (close code 4000): the bot resumes its session');
	gateway.closeAll(4000);
	await discord.waitFor(() => gateway.log.some((entry) => entry.t === 'RESUMED'), 'RESUMED', 15_000);
	show(`resumed; READY count still ${gateway.readyCount}`);

	step('a server at Discord’s 500 channels: members wait in a queue, and their tickets open as channels are freed');
	const crowded = emulatorDiscord.createGuild('Crowded server');
	await crowded.admin.slash(crowded.general, ['admin', 'category_upsert'], {
		key: 'quick',
		display_name: 'Quick question',
		staff_roles: `<@&${crowded.roles.staff.id}>`
	});
	const fillers = Array.from({ length: 500 - emulatorDiscord.state.guildChannels(crowded.guild.id).length }, (_, index) =>
		emulatorDiscord.world.createChannel(crowded.guild, { name: `old-channel-${index}` })
	);
	show(`#${crowded.guild.name} holds ${emulatorDiscord.state.guildChannels(crowded.guild.id).length} channels`);
	show(`alice asks → ${(await crowded.alice.slash(crowded.general, ['ticket', 'create'], { category: 'quick' })).content}`);
	show(`bob asks → ${(await crowded.bob.slash(crowded.general, ['ticket', 'create'], { category: 'quick' })).content}`);
	emulatorDiscord.world.deleteChannel(fillers.pop()!);
	show('an admin deletes one old channel');
	const turn = await emulatorDiscord.waitFor(
		() =>
			[...emulatorDiscord.state.channels.values()].find(
				(channel) => channel.guildId === crowded.guild.id && channel.name.startsWith('ticket-')
			),
		'alice’s ticket from the queue'
	);
	const turnWelcome = await emulatorDiscord.message(
		turn,
		(message) => message.authorId === emulatorDiscord.emulator.botId,
		'its welcome'
	);
	show(`#${turn.name} opens for alice: ${describe(turnWelcome)}`);

	step(`Web dashboard at ${dashboardUrl}: staff log in with (emulated) Discord and list the tickets`);
	const session = await loginWithoutBrowser(dashboardUrl, discord, home.staff);
	const listPage = await (await fetch(`${dashboardUrl}/g/${home.guild.id}`, { headers: { cookie: session } })).text();
	for (const row of listPage.match(/<tr>[\s\S]*?<\/tr>/g)?.slice(1) ?? [])
		show(
			row
				.replace(/<[^>]+>/g, ' ')
				.replace(/\s+/g, ' ')
				.trim()
		);
	const door = `${discord.emulator.webUrl}/sandbox/login?user=${home.staff.id}&next=${encodeURIComponent(`${dashboardUrl}/login`)}`;
	show(`In your browser, as the staff member: ${door}`);
	show(`(as alice: the same with user=${home.alice.id}; this login exists only in the emulator)`);
	if (process.argv.includes('--keep')) {
		step('Keeping the bot and the dashboard running: Ctrl-C stops them');
		await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
	}

	step('Stopping the bot with SIGTERM (graceful shutdown)');
	const code = await bot.stop();
	for (const line of bot.output().trim().split('\n').slice(-3)) show(`bot | ${line.replace(/^\S+ \S+ - /, '')}`);
	show(`exit code ${code}`);
	if (code !== 0) throw new Error(`the bot exited with ${code}`);
	step('Transcript files (they stay after the sandbox; open the HTML file in a browser)');
	const saved = readdirSync(TRANSCRIPTS, { recursive: true, encoding: 'utf8' })
		.filter((entry) => /\.(html|txt)$/.test(entry))
		.map((entry) => join(TRANSCRIPTS, entry))
		.filter((path) => statSync(path).mtimeMs >= startedAt);
	for (const path of saved) show(path);
	step('Sandbox finished');
} catch (error) {
	console.error('\nSandbox failed:', error instanceof Error ? error.message : error);
	if (bot) console.error(bot.output());
	process.exitCode = 1;
} finally {
	await bot?.kill();
	await discord?.stop();
	rmSync(folder, { recursive: true, force: true });
}
