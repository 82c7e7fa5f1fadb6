import { LogLevel } from '@sapphire/framework';
import { Logger, type LoggerOptions } from '@sapphire/plugin-logger';
import { inspect } from 'node:util';
import winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
import type { Redactor } from './redact.js';

export interface FileLogOptions {
	directory: string;
	/** Rotate when a file passes this size (20m, 500k …). */
	maxSize: string;
	/** Keep this many files (10) or days (14d). */
	retention: string;
}

export interface AppLoggerOptions extends LoggerOptions {
	redactor: Redactor;
	file?: FileLogOptions;
}

const LEVEL_NAMES: Record<number, string> = {
	[LogLevel.Trace]: 'trace',
	[LogLevel.Debug]: 'debug',
	[LogLevel.Info]: 'info',
	[LogLevel.Warn]: 'warn',
	[LogLevel.Error]: 'error',
	[LogLevel.Fatal]: 'fatal'
};
const FILE_LEVELS = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };

export function parseLogLevel(name: string): LogLevel {
	const entry = Object.entries(LEVEL_NAMES).find(([, levelName]) => levelName === name);
	return entry ? (Number(entry[0]) as LogLevel) : LogLevel.Info;
}

/**
 * The bot's logger: plugin-logger on the console plus JSON lines in files that rotate daily and by size.
 * Every line passes through the redactor first, so no token or password reaches a console or a file.
 * A trailing plain object becomes the JSON line's fields: `logger.error('failed', { ref, guildId })`.
 */
export class AppLogger extends Logger {
	readonly #redactor: Redactor;
	readonly #file: winston.Logger | null;

	public constructor(options: AppLoggerOptions) {
		const { redactor, file, ...consoleOptions } = options;
		super(consoleOptions);
		this.#redactor = redactor;
		this.#file = file ? createFileLogger(file, redactor, LEVEL_NAMES[this.level] ?? 'info') : null;
	}

	public override write(level: LogLevel, ...values: readonly unknown[]): void {
		if (level < this.level) return;
		const fields = isPlainObject(values.at(-1)) && values.length > 1 ? (values.at(-1) as Record<string, unknown>) : undefined;
		const parts = fields ? values.slice(0, -1) : values;
		const message = parts
			.map((value) => (typeof value === 'string' ? value : inspect(value, { depth: this.depth })))
			.join(this.join);
		const line = fields ? `${message} ${inspect(fields, { depth: this.depth, breakLength: Infinity })}` : message;
		super.write(level, this.#redactor.redact(line));
		this.#file?.log({ level: LEVEL_NAMES[level] ?? 'info', message, ...(fields ? serializable(fields) : {}) });
	}

	/** Flushes and closes the log files. */
	public async close(): Promise<void> {
		const file = this.#file;
		if (!file) return;
		// The rotating transport reports 'finish' before its file stream has flushed: wait for the stream.
		const flushed = file.transports.map(
			(transport) =>
				new Promise<void>((resolve) => {
					const stream = (transport as { logStream?: NodeJS.EventEmitter }).logStream ?? transport;
					stream.once('finish', () => resolve());
					setTimeout(resolve, 2_000).unref();
				})
		);
		file.end();
		await Promise.all(flushed);
	}
}

function createFileLogger(options: FileLogOptions, redactor: Redactor, level: string): winston.Logger {
	return winston.createLogger({
		levels: FILE_LEVELS,
		level,
		format: winston.format.combine(
			winston.format.timestamp(),
			winston.format.printf(({ timestamp, level: name, message, ...rest }) =>
				redactor.redact(JSON.stringify({ time: timestamp, level: name, msg: message, ...rest }))
			)
		),
		transports: [
			new DailyRotateFile({
				dirname: options.directory,
				filename: 'ticket-bot-%DATE%.log',
				datePattern: 'YYYY-MM-DD',
				maxSize: options.maxSize,
				maxFiles: options.retention,
				auditFile: `${options.directory}/.rotation-audit.json`
			})
		]
	});
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Errors inside fields become their name, message and stack so JSON keeps them. */
function serializable(fields: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(fields).map(([key, value]) => [
			key,
			value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
		])
	);
}
