import { readFile } from 'node:fs/promises';
import { parse, YAMLParseError } from 'yaml';
import { ConfigError, describeIssues } from './ConfigError.js';
import { configSchema, type BotConfig } from './schema.js';

export interface LoadedConfig {
	config: BotConfig;
	/** False when the file did not exist and the built-in defaults apply. */
	fromFile: boolean;
}

/** Reads and validates the YAML config; a missing file yields the defaults, a bad one a one-line ConfigError. */
export async function loadConfig(path: string): Promise<LoadedConfig> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: configSchema.parse({}), fromFile: false };
		throw new ConfigError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
	}
	return { config: parseConfig(text, path), fromFile: true };
}

export function parseConfig(text: string, source = 'config.yaml'): BotConfig {
	let raw: unknown;
	try {
		raw = parse(text, { prettyErrors: true, maxAliasCount: 50 }) ?? {};
	} catch (error) {
		if (error instanceof YAMLParseError) {
			const line = error.linePos?.[0]?.line;
			throw new ConfigError(`${source}: not valid YAML${line ? ` at line ${line}` : ''}: ${error.message.split('\n')[0]}`);
		}
		throw error;
	}
	const result = configSchema.safeParse(raw);
	if (!result.success) throw new ConfigError(describeIssues(source, result.error, raw));
	return result.data;
}
