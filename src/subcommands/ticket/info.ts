import { container } from '@sapphire/framework';
import { EmbedBuilder, time, TimestampStyles } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { readList } from '../../lib/database/json.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { accessTo, ticketInChannel } from '../../lib/tickets/access.js';
import { priorityLabel, statusLabel } from '../../lib/i18n/labels.js';
import { refuse } from '../../lib/errors/Refusal.js';

const TIMELINE_ENTRIES = 10;
const NOTES_SHOWN = 5;

export const info: SubcommandDefinition = {
	name: 'info',
	description: 'Status, owner, claimer, priority, tags, SLA and timeline of this ticket',
	async run(context) {
		const { t, member } = context;
		const data = container.db.forGuild(context.guild.id);
		const ticket = await ticketInChannel(data, context.channel.id);
		const access = await accessTo(data, member, ticket);
		const participant = await data.db.ticketParticipant.findUnique({
			where: { ticketId_userId: { ticketId: ticket.id, userId: member.id } }
		});
		if (!access.staff && !access.opener && ticket.openerId !== member.id && !participant)
			refuse(LanguageKeys.Tickets.NotYourTicket);
		const [category, department, events, notes] = await Promise.all([
			ticket.categoryId ? data.db.category.findUnique({ where: { id: ticket.categoryId } }) : null,
			ticket.departmentId ? data.db.department.findUnique({ where: { id: ticket.departmentId } }) : null,
			data.db.auditEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { id: 'desc' }, take: TIMELINE_ENTRIES }),
			// Internal notes are for staff only, never for the opener or participants.
			access.staff
				? data.db.ticketNote.findMany({ where: { ticketId: ticket.id }, orderBy: { id: 'desc' }, take: NOTES_SHOWN })
				: []
		]);
		const when = (date: Date | null) => (date ? time(date, TimestampStyles.RelativeTime) : t(LanguageKeys.Tickets.InfoNotYet));
		const tags = readList(ticket.tags);
		const embed = new EmbedBuilder()
			.setColor(0x5865f2)
			.setTitle(
				t(LanguageKeys.Tickets.InfoTitle, {
					number: String(ticket.number).padStart(4, '0'),
					category: category?.displayName ?? '—'
				})
			)
			.addFields(
				{ name: t(LanguageKeys.Tickets.InfoStatus), value: statusLabel(t, ticket.status, ticket.locked), inline: true },
				{
					name: t(LanguageKeys.Tickets.InfoOwner),
					value: ticket.anonymous ? t(LanguageKeys.Tickets.InfoAnonymous) : `<@${ticket.ownerId}>`,
					inline: true
				},
				{
					name: t(LanguageKeys.Tickets.InfoClaimer),
					value: ticket.claimedById ? `<@${ticket.claimedById}>` : t(LanguageKeys.Tickets.InfoNobody),
					inline: true
				},
				{ name: t(LanguageKeys.Tickets.InfoPriority), value: priorityLabel(t, ticket.priority), inline: true },
				{
					name: t(LanguageKeys.Tickets.InfoTags),
					value: tags.length ? tags.map((tag) => userText(tag, 32)).join(', ') : t(LanguageKeys.Tickets.InfoNone),
					inline: true
				},
				{
					name: t(LanguageKeys.Tickets.InfoSla),
					value: ticket.slaDueAt ? time(ticket.slaDueAt, TimestampStyles.ShortDateTime) : t(LanguageKeys.Tickets.InfoNone),
					inline: true
				},
				{ name: t(LanguageKeys.Tickets.InfoFirstResponse), value: when(ticket.firstResponseAt), inline: true },
				{
					name: t(LanguageKeys.Tickets.InfoDepartment),
					value: department ? userText(department.name, 32) : t(LanguageKeys.Tickets.InfoNone),
					inline: true
				},
				{ name: t(LanguageKeys.Tickets.InfoEscalation), value: String(ticket.escalationLevel), inline: true },
				{
					name: t(LanguageKeys.Tickets.InfoTimeline),
					value:
						events
							.reverse()
							.map(
								(event) =>
									`${time(event.createdAt, TimestampStyles.ShortDateTime)} \`${event.action}\`${event.actorId ? ` <@${event.actorId}>` : ''}`
							)
							.join('\n')
							.slice(0, 1024) || '—'
				}
			);
		if (notes.length) {
			embed.addFields({
				name: t(LanguageKeys.Tickets.InfoNotes),
				value: notes
					.map((note) => `<@${note.authorId}>: ${userText(note.content, 180)}`)
					.join('\n')
					.slice(0, 1024)
			});
		}
		await context.reply({ embeds: [embed], ephemeral: true });
	}
};
