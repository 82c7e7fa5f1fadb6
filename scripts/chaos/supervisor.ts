// The bot under test as a child process that the chaos run kills (SIGKILL) and starts again, and the
// record of when it was up: an interaction sent while it was down or just before a kill is "in flight".
import type { Emulator } from '../../test/emulator/Emulator.js';
import { startBot, type BotOptions, type TestBot } from '../../test/harness/bot.js';

export interface Life {
	startedAt: number;
	readyAt: number | null;
	/** When the process was killed (null: still running, or stopped gracefully at the end). */
	killedAt: number | null;
}

/** How long before a kill an interaction may have been sent and still count as cut off by it. */
const IN_FLIGHT_MS = 15_000;

export class BotSupervisor {
	public readonly lives: Life[] = [];
	#bot: TestBot | null = null;
	#up: Promise<void> = Promise.resolve();
	#output = '';

	public constructor(
		private readonly emulator: Emulator,
		private readonly options: BotOptions
	) {}

	public get kills(): number {
		return this.lives.filter((life) => life.killedAt !== null).length - this.failedStarts;
	}

	/** Resolves once a bot process is ready (at once when one is). */
	public get up(): Promise<void> {
		return this.#up;
	}

	public get pid(): number | undefined {
		return this.#bot?.process.pid;
	}

	/** Everything every process printed, oldest first. */
	public output(): string {
		return this.#output + (this.#bot?.output() ?? '');
	}

	/** Processes that exited before they were ready and were started again, as a process manager would. */
	public failedStarts = 0;

	public start(): Promise<void> {
		const life: Life = { startedAt: Date.now(), readyAt: null, killedAt: null };
		this.lives.push(life);
		const bot = startBot(this.emulator, this.options);
		this.#bot = bot;
		this.#up = bot.ready.then(
			() => {
				life.readyAt = Date.now();
			},
			async (error: unknown) => {
				this.#output += bot.output();
				if (++this.failedStarts > 5) throw error;
				life.killedAt = Date.now();
				await new Promise((resolve) => setTimeout(resolve, 1_000));
				await this.start();
			}
		);
		return this.#up;
	}

	/** SIGKILL, then a new process once the emulator has seen the old session drop. */
	public async kill(): Promise<void> {
		const bot = this.#bot;
		if (!bot) return;
		this.lives.at(-1)!.killedAt = Date.now();
		let restarted!: () => void;
		this.#up = new Promise((resolve) => (restarted = resolve));
		await bot.kill();
		this.#output += bot.output();
		for (let waited = 0; this.emulator.gateway.connectedSessions() > 0 && waited < 10_000; waited += 20)
			await new Promise((resolve) => setTimeout(resolve, 20));
		await this.start();
		restarted();
	}

	/** The graceful stop (SIGTERM); its exit code. */
	public async stop(): Promise<number | null> {
		const bot = this.#bot;
		if (!bot) return 0;
		const code = await bot.stop();
		this.#output += bot.output();
		this.#bot = null;
		return code;
	}

	/** Whether something sent at this moment may have been cut off by a kill (sent while down, or just before one). */
	public inFlightAtKill(sentAt: number): boolean {
		for (const [index, life] of this.lives.entries()) {
			const next = this.lives[index + 1];
			if (life.killedAt !== null && sentAt <= life.killedAt && life.killedAt - sentAt <= IN_FLIGHT_MS) return true;
			// Between a kill and the next process being ready, nobody listens.
			if (life.killedAt !== null && sentAt > life.killedAt && (!next?.readyAt || sentAt < next.readyAt)) return true;
		}
		return false;
	}
}
