// Loaded with `node --import` by benchmarks: reports the process's peak memory when it exits.
process.on('exit', () => {
  process.stderr.write(`\nTANDEM_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
