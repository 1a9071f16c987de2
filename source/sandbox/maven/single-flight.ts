/** Concurrent callers with one key share one run of the work (and its result or failure). */
export class SingleFlight<T> {
	private readonly flights = new Map<string, Promise<T>>();

	run(key: string, work: () => Promise<T>): Promise<T> {
		const running = this.flights.get(key);
		if (running) return running;
		const flight = work().finally(() => this.flights.delete(key));
		this.flights.set(key, flight);
		return flight;
	}

	get size(): number {
		return this.flights.size;
	}
}
