// A minimal Chrome DevTools Protocol client: headless Chromium driven over
// --remote-debugging-pipe (fds 3 and 4; no WebSocket client, no npm
// packages). Used by test_serve_browser.mjs and tests/bench/bench_edit_to_pixel.mjs.
import { spawn } from "node:child_process";

// Starts Chromium with a fresh profile folder; returns { send, kill }.
// send(method, params, sessionId) resolves with the result or rejects with the error.
export function startChromium(profile) {
  const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
  const browser = spawn(chromium, [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-pipe",
    "--window-size=1280,900", "about:blank",
  ], { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
  const toBrowser = browser.stdio[3], fromBrowser = browser.stdio[4];
  let nextId = 1, buffer = Buffer.alloc(0);
  const pending = new Map();
  fromBrowser.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    let end;
    while ((end = buffer.indexOf(0)) >= 0) {
      const msg = JSON.parse(buffer.subarray(0, end).toString("utf8"));
      buffer = buffer.subarray(end + 1);
      if (msg.id && pending.has(msg.id)) {
        const { resolve, reject } = pending.get(msg.id);
        pending.delete(msg.id);
        msg.error ? reject(new Error(JSON.stringify(msg.error))) : resolve(msg.result);
      }
    }
  });
  function send(method, params = {}, sessionId) {
    const id = nextId++;
    toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + "\0");
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  }
  return { send, kill: () => browser.kill("SIGKILL") };
}

// evaluate(expression): its value in the page (promises awaited);
// until(expression, timeoutMs): polls until truthy, returns [value, ms] or
// [null, ms] on timeout. getSession() names the page's session.
export function pageFunctions(send, getSession) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  async function evaluate(expression) {
    const r = await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true }, getSession());
    if (r.exceptionDetails) throw new Error("page: " + JSON.stringify(r.exceptionDetails));
    return r.result.value;
  }
  async function until(expression, timeoutMs = 15000) {
    const start = performance.now();
    while (performance.now() - start < timeoutMs) {
      const v = await evaluate(expression);
      if (v) return [v, performance.now() - start];
      await sleep(15);
    }
    return [null, performance.now() - start];
  }
  return { evaluate, until };
}
