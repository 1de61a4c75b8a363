/** Types of scripts/build-web.mjs (the e2e tests and benchmarks build the web application through it). */
export function webIsStale(): boolean;
export function buildWeb(options?: { ifStale?: boolean; quiet?: boolean }): Promise<boolean>;
