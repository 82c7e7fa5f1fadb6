import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/lib/config/ConfigError.js';
import { loadConfig, parseConfig } from '../../src/lib/config/load.js';

function errorOf(yaml: string): string {
	try {
		parseConfig(yaml, 'config.yaml');
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	throw new Error('expected a ConfigError');
}

describe('config.yaml', () => {
	it('accepts the shipped example, and it says what the defaults say', async () => {
		const example = parseConfig(await readFile('config/config.example.yaml', 'utf8'));
		const defaults = parseConfig('');
		expect(example.defaults).toEqual(defaults.defaults);
		expect(example.tickets).toEqual(defaults.tickets);
		expect(example.security).toEqual(defaults.security);
		expect(example.storage).toEqual(defaults.storage);
		expect(example.categories.map((c) => c.key)).toEqual(['general', 'billing']);
		expect(example.categories[1]!.questions[0]!.pattern).toBe('^[A-Za-z0-9-]+$');
	});

	it('uses the built-in defaults when the file does not exist', async () => {
		const loaded = await loadConfig(join(mkdtempSync(join(tmpdir(), 'cfg-')), 'config.yaml'));
		expect(loaded.fromFile).toBe(false);
		expect(loaded.config.defaults.prefix).toBe('!');
		expect(loaded.config.categories).toHaveLength(1);
	});

	it('reads a file and fills what it leaves out', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'config.yaml');
		writeFileSync(path, 'defaults:\n  prefix: "?"\n  locale: fr\n');
		const loaded = await loadConfig(path);
		expect(loaded.fromFile).toBe(true);
		expect(loaded.config.defaults).toEqual({ prefix: '?', locale: 'fr' });
		expect(loaded.config.tickets.maxOpenPerUser).toBe(3);
	});

	it('names the key, the value and the allowed range of a bad value, in one line', () => {
		expect(errorOf('tickets:\n  maxOpenPerUser: -1\n')).toBe(
			'config.yaml: tickets.maxOpenPerUser = -1: expected a whole number from 1 to 50'
		);
		expect(errorOf('tickets:\n  cooldownSeconds: "soon"\n')).toBe(
			'config.yaml: tickets.cooldownSeconds = "soon": expected a whole number from 0 to 86400'
		);
		expect(errorOf('defaults:\n  locale: xx\n')).toMatch(/^config\.yaml: defaults\.locale = "xx": .*"en-US"\|"fr"/);
		expect(errorOf('categories:\n  - key: Bad Key\n    displayName: x\n')).toMatch(
			/^config\.yaml: categories\.0\.key = "Bad Key": expected 1 to 32 lowercase/
		);
		for (const yaml of ['tickets:\n  maxOpenPerUser: -1\n', 'storage: 5\n']) expect(errorOf(yaml)).not.toContain('\n');
	});

	it('refuses unknown keys so that a typo does not pass silently', () => {
		expect(errorOf('tickets:\n  maxOpenPerUsr: 2\n')).toBe(
			'config.yaml: unknown key tickets.maxOpenPerUsr: remove it or check its spelling'
		);
	});

	it('checks what Discord and the product cannot accept', () => {
		expect(errorOf('tickets:\n  channelNamePattern: "help-{username}"\n')).toContain('{number}');
		expect(errorOf('tickets:\n  channelNamePattern: "help-{user}-{number}"\n')).toContain('the placeholders are {number}');
		expect(errorOf('defaults:\n  prefix: "t `"\n')).toContain('without spaces or backticks');
		const sixQuestions = Array.from({ length: 6 }, (_, i) => `      - label: Q${i}`).join('\n');
		expect(errorOf(`categories:\n  - key: a\n    displayName: A\n    questions:\n${sixQuestions}\n`)).toContain('at most 5');
		expect(
			errorOf('categories:\n  - key: a\n    displayName: A\n    questions:\n      - label: Q\n        pattern: "(["\n')
		).toContain('regular expression');
		expect(errorOf('categories:\n  - key: a\n    displayName: A\n  - key: a\n    displayName: B\n')).toContain('unique');
		expect(
			errorOf('categories:\n  - key: a\n    displayName: A\n    questions:\n      - label: Q\n        pattern: "^(a+)+$"\n')
		).toContain('could stall the bot');
		expect(errorOf('categories:\n  - key: a\n    displayName: A\n    emoji: ticket\n')).toContain('expected one emoji');
	});

	it('reports broken YAML with its line', () => {
		expect(errorOf('defaults:\n  prefix: "!\n  locale: [\n')).toMatch(/^config\.yaml: not valid YAML at line \d+/);
	});
});
