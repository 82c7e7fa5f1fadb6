import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** The Sapphire pieces and the web surface: src/lib is below them. */
const pieces = {
	group: [
		'**/web/**',
		'**/commands/**',
		'**/subcommands/**',
		'**/interaction-handlers/**',
		'**/listeners/**',
		'**/preconditions/**',
		'**/scheduled-tasks/**'
	],
	message: 'src/lib is used by the pieces and the web surface, never the other way round.'
};

export default tseslint.config(
	{ ignores: ['dist/', 'node_modules/', 'src/generated/', 'coverage/', 'data/', 'logs/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'no-empty': ['error', { allowEmptyCatch: true }]
		}
	},
	{
		// The layers: src/lib never reaches up into the Sapphire pieces that use it.
		files: ['src/lib/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '@sapphire/framework',
							importNames: ['container'],
							message:
								'src/lib takes its services as arguments (a piece passes this.container); only start-up fills the container.'
						},
						{
							name: '@sapphire/pieces',
							importNames: ['container'],
							message:
								'src/lib takes its services as arguments (a piece passes this.container); only start-up fills the container.'
						}
					],
					patterns: [pieces]
				}
			]
		}
	},
	{
		// Start-up builds the services and hands them to the pieces through Sapphire's container.
		files: ['src/lib/setup/start.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [pieces] }] }
	},
	{
		// The ticket core decides without Discord: surfaces (chat, web, jobs) call it through its ports.
		files: [
			'src/lib/tickets/**/*.ts',
			'src/lib/access/**/*.ts',
			'src/lib/model/**/*.ts',
			'src/lib/text/**/*.ts',
			'src/lib/i18n/**/*.ts'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'discord.js', message: 'The ticket core knows no Discord: go through TicketChannels.' }],
					patterns: [
						pieces,
						{
							group: ['@sapphire/*'],
							message: 'The ticket core runs outside Sapphire (web, jobs, tests): take services instead.'
						},
						{
							group: ['**/chat/*', '**/discord/*', '**/setup/*', '**/scheduling/*', '**/wizard/*', '**/web/*'],
							message: 'The core is below the surfaces: a surface imports the core, never the reverse.'
						}
					]
				}
			]
		}
	},
	{
		// The web surface calls src/lib like the pieces do, and never a piece.
		files: ['src/web/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: pieces.group.filter((path) => path !== '**/web/**'),
							message: 'The web surface calls src/lib, never a chat piece.'
						}
					]
				}
			]
		}
	},
	{
		// The emulator reads untyped JSON from the wire, as Discord does.
		files: ['test/emulator/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	prettier
);
