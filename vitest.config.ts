import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Each file gets its own databases, so files run in parallel; the machine has 2 cores.
		pool: 'forks',
		maxWorkers: 2,
		env: { LOG_FILES: 'false' }
	}
});
