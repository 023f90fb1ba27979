// Preloaded into a profiled server (see servers.mjs): the stock relay has no SIGTERM handler, and
// a process killed by a signal never writes its --cpu-prof profile; exiting normally does.
process.once('SIGTERM', () => process.exit(0))
