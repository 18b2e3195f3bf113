// The Node flags the server process is started with, by the VS Code client and by the protocol
// tests' client alike, so that tests and benchmarks run the server as users do.

/**
 * A young generation of 2 MB semi-spaces instead of V8's default of up to 16 MB: the server's
 * garbage is short-lived (an analysis, a request's answer), so small scavenges keep up with it,
 * and the default's room is resident memory the server never needs (measured on a 10,000-article
 * workspace: 30–35 MB less peak RSS while serving requests). The price is a scavenge on nearly
 * every edit of a long article (2–3 ms of GC per edit of 20 KB, traced; not visible in the
 * bench's edit latency beyond its noise).
 * `--expose-gc`: one full collection after a cold index's cross-article build, before its first
 * save (`collectGarbage`, server/src/node/heapGrowth.ts), which takes the peak below 150 MB at
 * 10,000 articles; nothing else calls it.
 * BENCHMARKS.md has the other flags measured; the initial index's tighter old generation is
 * set while it runs (server/src/node/heapGrowth.ts), not here.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--expose-gc'];
