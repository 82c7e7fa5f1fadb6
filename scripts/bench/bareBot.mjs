// The floor of `npm run bench floor`: a bare discord.js 14 bot that does nothing but acknowledge, with the
// ticket bot's intents (BARE_INTENTS, the bitfield floor.ts passes). Plain JavaScript run by plain node,
// as the compiled ticket bot is.
// BARE_PANELS=1: on ready it posts one message with an "Open a ticket" button in each guild's first
// text channel; every button click is then deferred and answered in one line.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ChannelType, Client, MessageFlags } from 'discord.js';

const client = new Client({
	intents: Number(process.env.BARE_INTENTS),
	rest: { api: process.env.DISCORD_API_URL }
});

client.on('interactionCreate', async (interaction) => {
	if (!interaction.isButton()) return;
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	await interaction.editReply('Acknowledged.');
});

client.once('clientReady', async () => {
	if (process.env.BARE_PANELS === '1') {
		const button = new ButtonBuilder().setCustomId('open').setLabel('Open a ticket').setStyle(ButtonStyle.Primary);
		for (const guild of client.guilds.cache.values()) {
			const channel = guild.channels.cache.find((entry) => entry.type === ChannelType.GuildText);
			await channel?.send({ content: 'Panel', components: [new ActionRowBuilder().addComponents(button)] });
		}
	}
	console.log(`Bare bot ready in ${client.guilds.cache.size} guild(s)`);
});

await client.login(process.env.DISCORD_TOKEN);
