// Live views: load now, then again every few seconds, until the view is left.

/**
 * Calls load() at once and every intervalMillis after the previous call finished (so a slow answer
 * never piles requests up). Returns the function that stops it.
 */
export function every(intervalMillis, load) {
  let stopped = false;
  let timer = null;
  const run = async () => {
    if (stopped) return;
    try {
      await load();
    } finally {
      if (!stopped) timer = setTimeout(run, intervalMillis);
    }
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
