// Drives headless Chromium over the DevTools protocol (through
// --remote-debugging-pipe: no WebSocket client, no npm packages) against a
// running `kamishibai watch --serve`:
// load the page, see every slide image, edit bullets and watch the changed
// slide's image reload and scroll into view, break the outline and see the
// error overlay, fix it and see the overlay go.
// Usage: node test_serve_browser.mjs URL OUTLINE PROFILE_DIR
import { pageFunctions, startChromium } from "./cdp_pipe.mjs";
import { readFileSync, writeFileSync, renameSync } from "node:fs";

const [url, outline, profile] = process.argv.slice(2);
let failures = 0;
const ok = (m) => console.log("ok: " + m);
const fail = (m) => { console.log("FAIL: " + m); failures++; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { send, kill: killBrowser } = startChromium(profile);

let session;
const { evaluate, until } = pageFunctions(send, () => session);

// KS_SCREENSHOT_DIR=dir: keep pictures of the page to look at.
async function screenshot(name) {
  if (!process.env.KS_SCREENSHOT_DIR) return;
  const { data } = await send("Page.captureScreenshot", { format: "png" }, session);
  writeFileSync(`${process.env.KS_SCREENSHOT_DIR}/${name}.png`, Buffer.from(data, "base64"));
}

function saveByRename(path, text) {  // like vim and VS Code
  writeFileSync(path + ".tmp-save", text);
  renameSync(path + ".tmp-save", path);
}

async function main() {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  ({ sessionId: session } = await send("Target.attachToTarget", { targetId, flatten: true }));
  await send("Runtime.enable", {}, session);
  await send("Page.enable", {}, session);
  await send("Page.navigate", { url }, session);

  const deck = await (await fetch(url + "api/deck")).json();
  const n = deck.slides.length;
  const loadedImages = `[...document.querySelectorAll('#deck img')].filter(i => i.complete && i.naturalWidth === 1920).length`;
  const [count] = await until(`${loadedImages} === ${n} && ${loadedImages}`);
  count === n ? ok(`page shows all ${n} slide images (1920 px wide)`) : fail(`page shows ${await evaluate(loadedImages)} of ${n} images`);
  const notesShown = await evaluate(`document.querySelectorAll('#deck .notes')[0].textContent`);
  notesShown && notesShown === deck.slides[0].notes ? ok("speaker notes beside the slide") : fail("notes missing: " + notesShown);
  const handoutHref = await evaluate(`document.getElementById('handout').getAttribute('href')`);
  handoutHref.startsWith("/out/handout.pdf") ? ok("handout link") : fail("handout link: " + handoutHref);
  await screenshot("page");
  const overlayHidden = await evaluate(`document.getElementById('overlay').hidden`);
  overlayHidden ? ok("no error overlay on a good build") : fail("overlay shown on a good build");

  // ---- edits: the changed slide reloads and scrolls into view; others stay
  const original = readFileSync(outline, "utf8");
  let text = original;
  const latencies = [];
  const itemCount = (original.match(/<item>/g) || []).length;
  const picks = [0.35, 0.55, 0.75, 0.9, 0.6].map((f) => Math.floor(itemCount * f));
  let lastSlide = 0;
  for (const [k, item] of picks.entries()) {
    const pos = [...text.matchAll(/<item>/g)][item].index;
    const slide = (text.slice(0, pos).match(/<slide[ >]/g) || []).length - 1;
    lastSlide = slide;
    await evaluate(`window.scrollTo(0, 0), true`);
    const srcs = await evaluate(`[...document.querySelectorAll('#deck img')].map(i => i.src)`);
    const marker = `改訂${k + 1}版 `;
    const at = pos + "<item>".length;
    const t0 = performance.now();
    text = text.slice(0, at) + marker + text.slice(at);
    saveByRename(outline, text);
    const img = `document.querySelectorAll('#deck img')[${slide}]`;
    const [changed] = await until(`${img}.src !== ${JSON.stringify(srcs[slide])} && ${img}.complete && ${img}.naturalWidth === 1920`);
    const ms = performance.now() - t0;
    if (!changed) { fail(`edit ${k + 1}: slide ${slide + 1} image did not change`); continue; }
    latencies.push(ms);
    ok(`edit ${k + 1}: slide ${slide + 1} reloaded ${Math.round(ms)} ms after the save`);
    const after = await evaluate(`[...document.querySelectorAll('#deck img')].map(i => i.src)`);
    const others = after.filter((s, i) => i !== slide && s !== srcs[i]).length;
    others === 0 ? ok(`edit ${k + 1}: no other image reloaded`) : fail(`edit ${k + 1}: ${others} other images reloaded`);
    const [inView] = await until(`(() => { const r = document.querySelectorAll('#deck .slide')[${slide}].getBoundingClientRect();
                                          return window.scrollY > 0 && r.top >= 0 && r.top < innerHeight / 2; })()`, 3000);
    inView ? ok(`edit ${k + 1}: page scrolled to slide ${slide + 1}`) : fail(`edit ${k + 1}: slide ${slide + 1} not scrolled into view`);
  }
  latencies.sort((a, b) => a - b);
  if (latencies.length) console.log(`latency save -> updated image in the page: median ${Math.round(latencies[latencies.length >> 1])} ms ` +
                                    `(${latencies.map(Math.round).join(", ")} ms)`);

  // ---- preview first: the page takes a "preview" event's image (decoded
  // off-screen, then swapped) and says the files on disk are not yet current;
  // the next build's notice makes them current again. The last edit's image
  // is still in the server's memory: announce it for slide 1.
  const diskNow = await evaluate(`document.body.dataset.disk`);
  diskNow === "current" ? ok("after a build the page says the files on disk are current") : fail("disk state: " + diskNow);
  const lastHash = (await (await fetch(url + "api/deck")).json()).slides[lastSlide].hash;
  const first = `document.querySelectorAll('#deck img')[0]`;
  await evaluate(`preview({data: JSON.stringify({index: 0, hash: "${lastHash}", png: "/preview/${lastHash}.png"})}), true`);
  const [swapped] = await until(`${first}.src.endsWith("/preview/${lastHash}.png") && ${first}.complete && ${first}.naturalWidth === 1920`);
  swapped ? ok("a preview event swaps in the image from /preview/") : fail("preview image not shown: " + await evaluate(`${first}.src`));
  const pending = await evaluate(`document.body.dataset.disk === "pending" && document.getElementById("status").textContent`);
  pending && pending.includes("writing") ? ok("while previewing, the status says the output folder is being written")
                                         : fail("status while previewing: " + pending);

  // ---- a broken outline: the overlay shows file:line:column, the slides stay
  const broken = text.replace("</deck>", "<slide><title>壊れ</title>\n</deck>");
  saveByRename(outline, broken);
  const [errors] = await until(`!document.getElementById('overlay').hidden && document.getElementById('errors').textContent`);
  errors && /deck\.xml:\d+:\d+: error/.test(errors) ? ok("error overlay shows file:line:column: " + errors.split("\n")[0])
                                                    : fail("no error overlay with file:line (got: " + errors + ")");
  await screenshot("overlay");
  const stillLoaded = await evaluate(loadedImages);
  stillLoaded === n ? ok("slides of the last good build stay under the overlay") : fail(`only ${stillLoaded} images after the error`);

  saveByRename(outline, text);
  const [gone] = await until(`document.getElementById('overlay').hidden`);
  gone ? ok("overlay removed when the outline is fixed") : fail("overlay still shown after the fix");
  const [fromDisk] = await until(`document.body.dataset.disk === "current" && ${first}.src.includes("/out/slides/01.png")`);
  fromDisk ? ok("after the next build the page shows the files on disk again") : fail("slide 1 still: " + await evaluate(`${first}.src`));
}

try {
  await main();
} catch (e) {
  fail(String(e.stack || e));
} finally {
  try { await Promise.race([send("Browser.close"), sleep(3000)]); } catch {}
  killBrowser();
}
process.exit(failures ? 1 : 0);
