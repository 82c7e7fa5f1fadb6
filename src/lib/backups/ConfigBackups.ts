import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Cache } from '../cache/Cache.js';
import { catalogKey } from '../categories/CategoryService.js';
import { categoryColumns, questionRows } from '../categories/CategoryService.js';
import type { GuildData } from '../database/guildData.js';
import { readList, writeList } from '../database/json.js';
import { writeAtomically } from '../files/atomic.js';
import { NUMBER_RULE_NAMES } from '../settings/guildRules.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, firstProblem, type BackupFile } from './backupFile.js';
import { refuse } from '../errors/Refusal.js';

const FILENAME = /^config-\d{8}-\d{6}-[0-9a-f]{6}\.json$/;
const SNOWFLAKE = /^\d{17,20}$/;

/** The guild's own rules (see settings/guildRules.ts), copied as they are both ways. */
const OWN_RULES = ['prefix', 'channelNamePattern', 'allowOpenerClose', ...NUMBER_RULE_NAMES] as const;
/** A panel's columns that a backup copies as they are (its category list is JSON text in the database). */
const PANEL_FIELDS = ['channelId', 'title', 'description', 'buttonLabel', 'emoji', 'buttonStyle', 'mode', 'messageId'] as const;
const SNIPPET_FIELDS = ['name', 'content', 'embed', 'title', 'createdById'] as const;
const pick = <T extends object, K extends keyof T>(source: T, keys: readonly K[]) =>
	Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const orUndefined = <T>(value: T | null) => value ?? undefined;

/** What the guild still has, so a restore can leave out roles and channels deleted since the backup. */
export interface GuildObjects {
	roleIds: ReadonlySet<string>;
	channelIds: ReadonlySet<string>;
}

export interface RestoreReport {
	categories: number;
	departments: number;
	panels: number;
	/** The snippets the guild has now (a backup from before snippets leaves them as they were). */
	snippets: number;
	/** Role and channel IDs of the backup that the guild no longer has: left out. */
	missing: number;
	/** Categories and departments not in the backup that tickets still use: kept. */
	kept: string[];
}

/**
 * A guild's configuration as a JSON file (`<backupsDir>/<guild>/config-<time>-<random>.json`) and back.
 * A restore only reads files this guild made (looked up by exact name in its own records, checksum
 * compared), checks the whole file first, and applies it in one transaction: all or nothing.
 */
export class ConfigBackups {
	private readonly root: string;

	public constructor(
		root: string,
		private readonly cache: Cache
	) {
		this.root = resolve(root);
	}

	private folder(guildId: string): string {
		if (!SNOWFLAKE.test(guildId)) throw new RangeError('not a guild ID');
		return join(this.root, guildId);
	}

	public async snapshot(data: GuildData): Promise<BackupFile> {
		const [settings, categories, departments, panels, snippets] = await Promise.all([
			data.settings(),
			data.db.category.findMany({
				include: { questions: { orderBy: { position: 'asc' } } },
				orderBy: [{ position: 'asc' }, { id: 'asc' }]
			}),
			data.db.department.findMany({ orderBy: { name: 'asc' } }),
			data.db.panel.findMany({ orderBy: { id: 'asc' } }),
			data.db.snippet.findMany({ orderBy: { name: 'asc' } })
		]);
		return {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			guildId: data.guildId,
			createdAt: new Date().toISOString(),
			settings: {
				...pick(settings, OWN_RULES),
				locale: settings.locale as BackupFile['settings']['locale'],
				dmTranscripts: settings.dmTranscripts,
				transcriptChannelId: settings.transcriptChannelId,
				logChannelId: settings.logChannelId,
				ticketParentId: settings.ticketParentId,
				supportRoleIds: readList(settings.supportRoleIds),
				adminRoleIds: readList(settings.adminRoleIds),
				escalationRoleIds: readList(settings.escalationRoleIds)
				// The incident webhook URL holds a secret token: it stays out of files handed around in Discord.
			},
			categories: categories.map((category) => ({
				key: category.key,
				displayName: category.displayName,
				description: orUndefined(category.description),
				emoji: orUndefined(category.emoji),
				slaMinutes: orUndefined(category.slaMinutes),
				resolutionSlaMinutes: orUndefined(category.resolutionSlaMinutes),
				workingHours: orUndefined(category.workingHours),
				outOfHours: category.outOfHours === 'pause' ? 'pause' : 'notice',
				defaultPriority: category.defaultPriority as BackupFile['categories'][number]['defaultPriority'],
				defaultTags: readList(category.defaultTags),
				anonymousAllowed: category.anonymousAllowed,
				captcha: category.captcha,
				staffRoleIds: readList(category.staffRoleIds),
				parentChannelId: category.parentChannelId,
				questions: category.questions.map((question) => ({
					label: question.label,
					placeholder: orUndefined(question.placeholder),
					style: question.style === 'paragraph' ? 'paragraph' : 'short',
					required: question.required,
					minLength: orUndefined(question.minLength),
					maxLength: orUndefined(question.maxLength),
					pattern: orUndefined(question.pattern)
				}))
			})),
			departments: departments.map((department) => ({ name: department.name, staffRoleIds: readList(department.staffRoleIds) })),
			panels: panels.map((panel) => ({
				key: panel.key,
				...pick(panel, PANEL_FIELDS),
				categoryKeys: readList(panel.categoryKeys)
			})),
			snippets: snippets.map((snippet) => pick(snippet, SNIPPET_FIELDS))
		};
	}

	/** Writes the guild's configuration to a new file and records it; returns its name and content. */
	public async backup(data: GuildData, actorId: string): Promise<{ filename: string; content: string }> {
		const content = `${JSON.stringify(await this.snapshot(data), null, '\t')}\n`;
		const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
		const filename = `config-${stamp}-${randomBytes(3).toString('hex')}.json`;
		const folder = this.folder(data.guildId);
		await mkdir(folder, { recursive: true });
		await writeAtomically(join(folder, filename), content);
		await data.db.configBackup.create({
			data: { guildId: data.guildId, filename, createdById: actorId, checksum: sha256(content) }
		});
		return { filename, content };
	}

	/** The guild's latest backups, newest first (for messages that name them). */
	public async recent(data: GuildData, take = 5): Promise<string[]> {
		const rows = await data.db.configBackup.findMany({ orderBy: { id: 'desc' }, take, select: { filename: true } });
		return rows.map((row) => row.filename);
	}

	/** Reads and checks one of the guild's own backups; a refusal says what is wrong and nothing changes. */
	public async load(data: GuildData, filename: string): Promise<BackupFile> {
		const name = filename.trim();
		const record = FILENAME.test(name) ? await data.db.configBackup.findFirst({ where: { filename: name } }) : null;
		if (!record) {
			const names = (await this.recent(data)).map((entry) => `\`${entry}\``).join(', ');
			refuse(LanguageKeys.Backups.NotFound, { names: names || '—' });
		}
		const content = await readFile(join(this.folder(data.guildId), record.filename), 'utf8').catch(() => null);
		if (content === null) refuse(LanguageKeys.Backups.FileMissing, { filename: record.filename });
		if (sha256(content) !== record.checksum) refuse(LanguageKeys.Backups.Changed, { filename: record.filename });
		let json: unknown;
		try {
			json = JSON.parse(content);
		} catch {
			refuse(LanguageKeys.Backups.Invalid, { problem: 'not JSON' });
		}
		const parsed = backupSchema.safeParse(json);
		if (!parsed.success) refuse(LanguageKeys.Backups.Invalid, { problem: firstProblem(parsed.error) });
		if (parsed.data.guildId !== data.guildId) refuse(LanguageKeys.Backups.OtherGuild);
		return parsed.data;
	}

	/** Applies a checked backup in one transaction. Roles and channels the guild no longer has are left out. */
	public async restore(data: GuildData, backup: BackupFile, objects: GuildObjects): Promise<RestoreReport> {
		let missing = 0;
		const roles = (ids: readonly string[]) => {
			const kept = ids.filter((id) => objects.roleIds.has(id));
			missing += ids.length - kept.length;
			return writeList(kept);
		};
		const channel = (id: string | null) => {
			if (id === null || objects.channelIds.has(id)) return id;
			missing++;
			return null;
		};
		const { settings } = backup;
		const panels = backup.panels.filter((panel) => channel(panel.channelId) !== null);
		const kept: string[] = [];
		await data.db.$transaction(async (tx) => {
			const values = {
				...pick(settings, OWN_RULES),
				locale: settings.locale,
				dmTranscripts: settings.dmTranscripts,
				transcriptChannelId: channel(settings.transcriptChannelId),
				logChannelId: channel(settings.logChannelId),
				ticketParentId: channel(settings.ticketParentId),
				supportRoleIds: roles(settings.supportRoleIds),
				adminRoleIds: roles(settings.adminRoleIds),
				escalationRoleIds: roles(settings.escalationRoleIds),
				categoriesBootstrapped: true
			};
			await tx.guildSettings.upsert({
				where: { guildId: data.guildId },
				create: { guildId: data.guildId, ...values },
				update: values
			});

			for (const [position, category] of backup.categories.entries()) {
				const fields = {
					...categoryColumns(category),
					staffRoleIds: roles(category.staffRoleIds),
					parentChannelId: channel(category.parentChannelId),
					position
				};
				const row = await tx.category.upsert({
					where: { guildId_key: { guildId: data.guildId, key: category.key } },
					create: { guildId: data.guildId, key: category.key, ...fields },
					update: fields
				});
				await tx.categoryQuestion.deleteMany({ where: { categoryId: row.id } });
				await tx.categoryQuestion.createMany({
					data: questionRows(data.guildId, category.questions).map((question) => ({ ...question, categoryId: row.id }))
				});
			}
			// Categories and departments the backup does not have go, unless tickets still use them.
			const keys = new Set(backup.categories.map((category) => category.key));
			for (const extra of await tx.category.findMany({ where: { key: { notIn: [...keys] } } })) {
				if ((await tx.ticket.count({ where: { categoryId: extra.id } })) > 0) kept.push(extra.key);
				else await tx.category.delete({ where: { id: extra.id } });
			}

			const names = new Map(backup.departments.map((department) => [department.name.toLowerCase(), department]));
			for (const existing of await tx.department.findMany()) {
				const wanted = names.get(existing.name.toLowerCase());
				if (wanted) {
					await tx.department.update({
						where: { id: existing.id },
						data: { name: wanted.name, staffRoleIds: roles(wanted.staffRoleIds) }
					});
					names.delete(existing.name.toLowerCase());
				} else if ((await tx.ticket.count({ where: { departmentId: existing.id } })) > 0) kept.push(existing.name);
				else await tx.department.delete({ where: { id: existing.id } });
			}
			for (const department of names.values())
				await tx.department.create({
					data: { guildId: data.guildId, name: department.name, staffRoleIds: roles(department.staffRoleIds) }
				});

			const panelKeys = new Set(panels.map((panel) => panel.key));
			await tx.panel.deleteMany({ where: { key: { notIn: [...panelKeys] } } });
			for (const panel of panels) {
				const fields = { ...pick(panel, PANEL_FIELDS), categoryKeys: writeList(panel.categoryKeys) };
				await tx.panel.upsert({
					where: { guildId_key: { guildId: data.guildId, key: panel.key } },
					create: { guildId: data.guildId, key: panel.key, ...fields },
					update: fields
				});
			}

			if (backup.snippets) {
				await tx.snippet.deleteMany({ where: { name: { notIn: backup.snippets.map((snippet) => snippet.name) } } });
				for (const snippet of backup.snippets) {
					const { name, ...fields } = pick(snippet, SNIPPET_FIELDS);
					await tx.snippet.upsert({
						where: { guildId_name: { guildId: data.guildId, name } },
						create: { guildId: data.guildId, name, ...fields },
						update: fields
					});
				}
			}
		});
		await this.cache.delete(catalogKey(data.guildId));
		return {
			categories: backup.categories.length,
			departments: backup.departments.length,
			panels: panels.length,
			snippets: backup.snippets?.length ?? (await data.db.snippet.count()),
			missing,
			kept
		};
	}
}
