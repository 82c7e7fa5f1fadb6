// npm run sandbox: the bot against the project's Discord emulator, with a demo guild, played through a
// narrated scenario. No Discord account, token or network needed; SQLite in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type TestBot } from '../test/harness/bot.js';
import { TestDiscord } from '../test/harness/TestDiscord.js';

const step = (text: string) => console.log(`\n== ${text}`);
const show = (text: string) => console.log(`   ${text}`);

const folder = mkdtempSync(join(tmpdir(), 'ticket-bot-sandbox-'));
const databaseUrl = `file:${join(folder, 'sandbox.db')}`;
let discord: TestDiscord | undefined;
let bot: TestBot | undefined;

try {
	discord = await TestDiscord.start();
	step(`Discord emulator listening: REST ${discord.emulator.restUrl}, gateway ${discord.emulator.gatewayUrl}`);
	const home = discord.createGuild('Sandbox Support');
	show(`guild "${home.guild.name}": owner, admin (Admin role), staff (Support role), alice, bob; channel #${home.general.name}`);

	step(`Starting the bot as \`npm start\` would (SQLite at ${databaseUrl}, no Redis)`);
	bot = startBot(discord.emulator, { databaseUrl });
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

	step('Gateway drops the connection (close code 4000): the bot resumes its session');
	gateway.closeAll(4000);
	await discord.waitFor(() => gateway.log.some((entry) => entry.t === 'RESUMED'), 'RESUMED', 15_000);
	show(`resumed; READY count still ${gateway.readyCount}`);

	step('Stopping the bot with SIGTERM (graceful shutdown)');
	const code = await bot.stop();
	for (const line of bot.output().trim().split('\n').slice(-3)) show(`bot | ${line.replace(/^\S+ \S+ - /, '')}`);
	show(`exit code ${code}`);
	if (code !== 0) throw new Error(`the bot exited with ${code}`);
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
