import type { Subcommand } from '@sapphire/plugin-subcommands';
import { DefinedCommand } from '../lib/chat/DefinedCommand.js';
import type { SubcommandDefinition } from '../lib/chat/subcommand.js';
import { dashboard } from '../subcommands/analytics/dashboard.js';
import { exportTickets } from '../subcommands/analytics/export.js';
import { graph } from '../subcommands/analytics/graph.js';
import { leaderboard } from '../subcommands/analytics/leaderboard.js';
import { responseTimes } from '../subcommands/analytics/responseTimes.js';
import { sla } from '../subcommands/analytics/sla.js';

const SUBCOMMANDS: SubcommandDefinition[] = [dashboard, leaderboard, exportTickets, graph, responseTimes, sla];

/** /analytics and !analytics: the guild's ticket numbers (staff). */
export class AnalyticsCommand extends DefinedCommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, { name: 'analytics', description: 'Ticket analytics for the staff', subcommands: SUBCOMMANDS });
	}
}
