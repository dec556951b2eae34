// Edit-to-pixel benchmark: headless Chromium shows a running
// `kamishibai watch --serve` page; each of N saves (write a temporary file,
// rename it over the outline) changes one bullet, and the time from the
// rename to the `load` event of that slide's new image in the page is
// measured (both clocks are the wall clock of this machine, in ms).
// Drives Chromium over the DevTools protocol on a pipe (tests/e2e/cdp_pipe.mjs).
// Usage: node bench_edit_to_pixel.mjs URL OUTLINE PROFILE_DIR [N]
import { pageFunctions, startChromium } from "../e2e/cdp_pipe.mjs";
import { readFileSync, writeFileSync, renameSync } from "node:fs";

const [url, outline, profile, runs = "7"] = process.argv.slice(2);
const N = Number(runs);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

const { send, kill: killBrowser } = startChromium(profile);
let session;
const { evaluate, until } = pageFunctions(send, () => session);

async function main() {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  ({ sessionId: session } = await send("Target.attachToTarget", { targetId, flatten: true }));
  await send("Runtime.enable", {}, session);
  // Every image load, with the time it fired, recorded by the page itself.
  await send("Page.addScriptToEvaluateOnNewDocument", { source: `window.__loads = [];
    document.addEventListener("load", (e) => { if (e.target.tagName === "IMG")
      window.__loads.push([e.target.src, performance.timeOrigin + performance.now()]); }, true);` }, session);
  await send("Page.enable", {}, session);
  await send("Page.navigate", { url }, session);
  const deck = await (await fetch(url + "api/deck")).json();
  const n = deck.slides.length;
  if (!(await until(`[...document.querySelectorAll('#deck img')].filter(i => i.complete && i.naturalWidth > 0).length === ${n}`))[0])
    throw new Error("the page did not show every slide");
  await sleep(500);

  let text = readFileSync(outline, "utf8");
  const items = [...text.matchAll(/<item>/g)].map((m) => m.index);
  const ms = [];
  for (let k = 0; k < N; ++k) {
    const pos = items[Math.floor(items.length * (0.2 + 0.7 * k / N))];
    const slide = (text.slice(0, pos).match(/<slide[ >]/g) || []).length - 1;
    const img = `document.querySelectorAll('#deck img')[${slide}]`;
    const old = await evaluate(`${img}.src`);
    const at = pos + "<item>".length;
    text = text.slice(0, at) + `改訂${k + 1}版 ` + text.slice(at);
    writeFileSync(outline + ".tmp-save", text);
    const t0 = now();
    renameSync(outline + ".tmp-save", outline);
    const [loaded] = await until(`(() => { const s = ${img}.src; if (s === ${JSON.stringify(old)}) return 0;
      const l = window.__loads.filter(x => x[0] === s); return l.length ? l[l.length - 1][1] : 0; })()`);
    if (!loaded) throw new Error(`save ${k + 1}: slide ${slide + 1} did not change`);
    ms.push(loaded - t0);
    console.log(`save ${k + 1}: slide ${slide + 1} new image loaded ${Math.round(loaded - t0)} ms after the save`);
    // Recompute the item positions: the text grew.
    items.splice(0, items.length, ...[...text.matchAll(/<item>/g)].map((m) => m.index));
    await sleep(300);  // let the watcher go idle: saves one at a time, as a person makes them
  }
  ms.sort((a, b) => a - b);
  console.log(`edit-to-pixel: median ${Math.round(ms[ms.length >> 1])} ms, min ${Math.round(ms[0])}, max ${Math.round(ms[ms.length - 1])} (N=${N})`);
}

let code = 0;
try {
  await main();
} catch (e) {
  console.error(String(e.stack || e));
  code = 1;
} finally {
  try { await Promise.race([send("Browser.close"), sleep(3000)]); } catch {}
  killBrowser();
}
process.exit(code);
