// The Node flags the server process is started with, by the VS Code client and by the protocol
// tests' client alike, so that tests and benchmarks run the server as users do.

/**
 * A young generation of 2 MB semi-spaces instead of V8's default of up to 16 MB: the server's
 * garbage is short-lived (an analysis, a request's answer), so small scavenges keep up with it,
 * and the default's room is resident memory the server never needs (measured on a 10,000-article
 * workspace: 30–35 MB less peak RSS while serving requests). The price is a scavenge on nearly
 * every edit of a long article (2–3 ms of GC per edit of 20 KB, traced; not visible in the
 * bench's edit latency beyond its noise).
 *
 * An old generation let grow by 20% (at least V8's step of 8 MB) past what the last full
 * collection kept, instead of V8's up to 4 times: what small semi-spaces promote (an analysis's
 * garbage in the index workers, the cross-article index's build and the first save in the server's
 * thread) is collected before it piles up. On a cold index of 10,000 articles, peak RSS at
 * `indexed` 196–203 → 171–173 MB and through the first save 205–232 → 180–191 MB, its CPU cost
 * (a few more full collections) within the noise of a loaded machine. The flags are the
 * process's, so the index workers have them too. BENCHMARKS.md has the other flags measured.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=20'];
