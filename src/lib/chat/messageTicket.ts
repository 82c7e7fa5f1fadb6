import {
	ActionRowBuilder,
	EmbedBuilder,
	MessageFlags,
	StringSelectMenuBuilder,
	type Guild,
	type GuildMember,
	type Message,
	type MessageContextMenuCommandInteraction,
	type StringSelectMenuInteraction
} from 'discord.js';
import { mayOpenAbout } from '../access/policy.js';
import { guildRoles, usableRoles } from '../access/roles.js';
import type { CategoryService, TicketCategory } from '../categories/CategoryService.js';
import { readList } from '../database/json.js';
import { userText } from '../discord/escape.js';
import { discordStep } from '../discord/failures.js';
import { translatorFor } from '../discord/translate.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { Translate } from '../i18n/notice.js';
import { cut } from '../text/cut.js';
import { callerOf } from './caller.js';
import { encodeCustomId, type CustomIdOf } from './customIds.js';
import type { ChatServices } from './services.js';
import { renderWelcome } from './welcome.js';
import { awayUntil } from '../tickets/sla.js';

/** What "Open a ticket about this" reads: the chat services and the guild's categories. */
export interface MessageTicketServices extends ChatServices {
	readonly categories: CategoryService;
}

/**
 * Whether a category can take a ticket about this message from this member: their own message, in a
 * category that asks nothing first (no captcha, no required question: the message says what it is
 * about); or staff, in a category they work (the ticket is the author's).
 */
async function categoriesFor(services: MessageTicketServices, member: GuildMember, authorId: string): Promise<TicketCategory[]> {
	const data = services.ticketServices.db.forGuild(member.guild.id);
	const { roles: check, log } = services.ticketServices;
	const [roles, categories] = await Promise.all([guildRoles(data, { check, log }), services.categories.list(data)]);
	const actor = callerOf(services, member);
	const own = actor.userId === authorId;
	return categories.filter(
		(category) =>
			mayOpenAbout(actor, roles, category.staffRoleIds, authorId) &&
			(!own || (!category.captcha && !category.questions.some((question) => question.required)))
	);
}

/** The message must be a member's: nobody opens a ticket for the bot, a webhook or a system message. */
function checkAuthor(message: Message, member: GuildMember, mayForOthers: boolean): void {
	if (message.author.bot || message.system || message.webhookId) refuse(LanguageKeys.MessageTickets.NotAMember);
	if (message.author.id !== member.id && !mayForOthers) refuse(LanguageKeys.MessageTickets.OwnOnly);
}

/** The context menu: the categories this member may open it in, as a menu only they see. */
export async function offerMessageTicket(
	services: MessageTicketServices,
	interaction: MessageContextMenuCommandInteraction<'cached'>
): Promise<void> {
	const message = interaction.targetMessage;
	const categories = await categoriesFor(services, interaction.member, message.author.id);
	checkAuthor(message, interaction.member, categories.length > 0);
	if (categories.length === 0) refuse(LanguageKeys.MessageTickets.NoCategory);
	const t = await translatorFor(interaction);
	const menu = new StringSelectMenuBuilder()
		.setCustomId(encodeCustomId({ kind: 'messageTicketMenu', channelId: message.channelId, messageId: message.id }))
		.setPlaceholder(t(LanguageKeys.MessageTickets.Pick))
		.addOptions(
			categories.slice(0, 25).map((category) => ({
				label: cut(category.displayName, 100),
				value: String(category.id),
				...(category.description ? { description: cut(category.description, 100) } : {})
			}))
		);
	const forOther = message.author.id !== interaction.member.id;
	await interaction.reply({
		content: forOther
			? t(LanguageKeys.MessageTickets.PromptFor, { user: `<@${message.author.id}>` })
			: t(LanguageKeys.MessageTickets.Prompt),
		components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
		flags: MessageFlags.Ephemeral,
		allowedMentions: { parse: [] }
	});
}

/** The quote a ticket about a message starts with: who wrote what, where, and a link to it. */
function quoteEmbed(t: Translate, message: Message, openedById: string | null, anonymous: boolean): EmbedBuilder {
	const text = message.content ? userText(message.content, 3500) : t(LanguageKeys.MessageTickets.NoText);
	const files = message.attachments.map((attachment) => userText(attachment.name, 100));
	const embed = new EmbedBuilder()
		.setColor(0x99aab5)
		.setTitle(t(LanguageKeys.MessageTickets.QuoteTitle))
		.setDescription(
			cut(
				`${text}\n\n${t(LanguageKeys.MessageTickets.QuoteLink, { link: message.url, channel: `<#${message.channelId}>` })}`,
				4096
			)
		)
		.setTimestamp(message.createdAt);
	if (files.length) embed.addFields({ name: t(LanguageKeys.MessageTickets.Files), value: cut(files.join(', '), 1024) });
	if (openedById) embed.addFields({ name: t(LanguageKeys.MessageTickets.OpenedBy), value: `<@${openedById}>` });
	// An anonymous category never names the opener in the bot's messages.
	return anonymous ? embed : embed.setAuthor({ name: cut(message.author.username, 256) });
}

async function targetMessage(guild: Guild, id: CustomIdOf<'messageTicketMenu'>): Promise<Message> {
	const channel = await guild.channels.fetch(id.channelId).catch(() => null);
	const message = channel?.isTextBased() ? await channel.messages.fetch(id.messageId).catch(() => null) : null;
	if (!message) refuse(LanguageKeys.MessageTickets.MessageGone);
	return message;
}

/**
 * A category was picked: the ticket opens for the message's author, through the one creation path (so
 * never half a ticket), with the quote first. The author's own request meets the creation limits like any
 * other; staff opening one for a member do not (they decided), and the author is pinged in it.
 */
export async function openMessageTicket(
	services: MessageTicketServices,
	interaction: StringSelectMenuInteraction<'cached'>,
	id: CustomIdOf<'messageTicketMenu'>
): Promise<void> {
	await interaction.deferUpdate();
	const { guild, member } = interaction;
	const message = await targetMessage(guild, id);
	const categoryId = Number(interaction.values[0]);
	const categories = await categoriesFor(services, member, message.author.id);
	checkAuthor(message, member, categories.length > 0);
	const category = categories.find((candidate) => candidate.id === categoryId);
	if (!category) refuse(LanguageKeys.Errors.InvalidButton);
	const forOther = message.author.id !== member.id;
	const data = services.ticketServices.db.forGuild(guild.id);
	const settings = await data.settings();
	const { roles, log } = services.ticketServices;
	const staff = usableRoles(guild.id, [...category.staffRoleIds, ...readList(settings.supportRoleIds)], roles, log, 'welcome');
	const guildT = await translatorFor(guild);
	const opened = await services.tickets.open({
		guildId: guild.id,
		opener: { id: message.author.id, username: message.author.username },
		category,
		answers: [],
		source: 'message',
		// The quote cannot wait in the queue: a full server refuses it.
		whenFull: 'refuse',
		...(forOther ? { openedById: member.id } : {}),
		welcome: async (ticket) => {
			const channel = await guild.channels.fetch(ticket.channelId);
			if (!channel?.isTextBased()) refuse(LanguageKeys.Errors.ChannelGone);
			const away = awayUntil(category, new Date());
			const welcome = renderWelcome({ ...ticket, openerId: message.author.id }, category, staff, [], guildT, away);
			const quote = quoteEmbed(guildT, message, forOther ? member.id : null, ticket.anonymous);
			await discordStep({ permission: 'SendMessages', where: `<#${ticket.channelId}>` }, () =>
				channel.send({ ...welcome, embeds: [quote, ...(welcome.embeds ?? [])] })
			);
		}
	});
	const t = await translatorFor(interaction);
	await interaction.editReply({
		content: forOther
			? t(LanguageKeys.MessageTickets.OpenedFor, {
					number: opened.number,
					channel: `<#${opened.channelId}>`,
					user: `<@${message.author.id}>`
				})
			: t(LanguageKeys.Tickets.Created, { channel: `<#${opened.channelId}>`, number: opened.number }),
		components: [],
		allowedMentions: { parse: [] }
	});
}
