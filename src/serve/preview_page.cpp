// The live preview page, embedded so the binary serves it without data files.
#include "serve/preview_server.h"

namespace ks {

const char* const kPreviewPage = R"PAGE(<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kamishibai preview</title>
<style>
  body { margin: 0; font-family: sans-serif; background: #eceff1; color: #222; }
  header { position: sticky; top: 0; z-index: 1; display: flex; gap: 1.5em; align-items: baseline;
           padding: .6em 1em; background: #263238; color: #fff; }
  header a { color: #80d8ff; }
  #title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 55%; }
  #status { margin-left: auto; font-size: .9em; opacity: .8; }
  main { padding: 1em; }
  .slide { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1em; margin: 0 0 1.5em;
           padding: .8em; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  .slide { scroll-margin-top: 3.5em; }
  .slide.changed { outline: 3px solid #ffb300; }
  .slide img { width: 100%; height: auto; display: block; border: 1px solid #ccc; }
  .slide h2 { margin: 0 0 .4em; font-size: 1em; }
  .notes { white-space: pre-wrap; font-size: .95em; line-height: 1.6; }
  .notes:empty::before { content: "(no notes)"; color: #999; }
  #overlay { position: fixed; inset: 0; z-index: 2; background: rgba(38, 10, 10, .96); color: #fff;
             padding: 2em 3em; overflow: auto; }
  #overlay h1 { color: #ff8a80; margin-top: 0; }
  #overlay[hidden] { display: none; }
  #overlay pre { white-space: pre-wrap; font-size: 1.05em; line-height: 1.5; padding: 1em;
                 background: #000; border-left: 4px solid #ff5252; }
</style>
</head>
<body>
<header>
  <strong id="title">kamishibai</strong>
  <a id="handout" href="#" target="_blank">handout.pdf</a>
  <a id="slides-pdf" href="#" target="_blank">slides.pdf</a>
  <span id="status">connecting…</span>
</header>
<main id="deck"></main>
<div id="overlay" hidden><h1>The outline has errors</h1><p>The slides below are from the last good build.</p><pre id="errors"></pre></div>
<script>
"use strict";
const deck = document.getElementById("deck");
let loaded = false;      // first state shown (no scrolling then)
let shownVersion = -1;
let fetching = null, again = false;

function slideRow(i) {
  let row = deck.children[i];
  if (row) return row;
  row = document.createElement("section");
  row.className = "slide";
  row.innerHTML = '<div><img alt=""></div><div><h2></h2><div class="notes"></div></div>';
  deck.appendChild(row);
  return row;
}

function show(state) {
  if (state.version <= shownVersion) return;
  shownVersion = state.version;
  document.getElementById("title").textContent = state.title || "kamishibai";
  document.title = (state.title || "kamishibai") + " — preview";
  const handout = document.getElementById("handout");
  handout.href = state.handout || "#";
  document.getElementById("slides-pdf").href = state.slides_pdf || "#";
  let firstChanged = null;
  state.slides.forEach((s, i) => {
    const row = slideRow(i);
    row.id = "slide-" + (s.index + 1);
    row.dataset.id = s.id;
    const img = row.querySelector("img");
    const fresh = img.dataset.hash !== s.hash;  // reload only images whose bytes changed
    if (fresh) {
      img.dataset.hash = s.hash;
      img.dataset.index = s.index;
      img.src = s.png;
    }
    img.alt = s.title;
    // Changed by this build: reloaded now, or already shown by a preview.
    const mark = loaded && (fresh || (state.changed || []).includes(s.index));
    if (mark && firstChanged === null) firstChanged = row;
    row.classList.toggle("changed", mark);
    row.querySelector("h2").textContent = (s.index + 1) + ". " + (s.title || s.id);
    row.querySelector(".notes").textContent = s.notes;
  });
  while (deck.children.length > state.slides.length) deck.lastChild.remove();
  const overlay = document.getElementById("overlay");
  document.getElementById("errors").textContent = state.errors;
  overlay.hidden = state.ok;
  document.getElementById("status").textContent =
    (state.ok ? "up to date" : "errors") + " · build " + state.version + " · " + new Date().toLocaleTimeString() +
    (state.mid_commit ? " · the output folder is between two builds (a commit was interrupted; the next build completes it)" : "");
  if (firstChanged) firstChanged.scrollIntoView({block: "start"});
  loaded = true;
  document.body.dataset.version = state.version;
  document.body.dataset.disk = "current";
}

// Preview first: a slide image the running build has drawn, served from the
// server's memory before the output folder is written. Decoded off-screen,
// then swapped in (no flicker); the status says the files on disk are not
// yet current until the build's own notice arrives.
function preview(event) {
  const p = JSON.parse(event.data);
  const row = deck.children[p.index];
  const img = row && row.querySelector("img");
  if (!img || img.dataset.hash === p.hash) return;
  const before = img.dataset.hash;
  const next = new Image();
  next.src = p.png;
  next.decode().then(() => {
    if (img.dataset.hash !== before) return;  // a newer image arrived meanwhile
    img.dataset.hash = p.hash;
    img.src = p.png;
    row.classList.add("changed");
    document.body.dataset.disk = "pending";
    document.getElementById("status").textContent = "preview · writing the output folder…";
  }).catch(() => {});  // gone from the server: the build's notice reloads it from disk
}

// One request at a time; a notice during a request fetches once more after it.
async function refresh() {
  if (fetching) { again = true; return; }
  do {
    again = false;
    fetching = fetch("/api/deck", {cache: "no-store"}).then(r => r.json()).then(show)
      .catch(() => { document.getElementById("status").textContent = "disconnected"; });
    await fetching;
    fetching = null;
  } while (again);
}

// A busy server answers /events with 503 and the stream closes for good:
// then the page asks for the state every few seconds instead.
let polling = null;
function listen() {
  const events = new EventSource("/events");
  events.addEventListener("build", refresh);
  events.addEventListener("preview", preview);
  events.onerror = () => {
    document.getElementById("status").textContent = "reconnecting…";
    if (events.readyState === EventSource.CLOSED && !polling) {
      polling = setInterval(refresh, 3000);
      setTimeout(() => { clearInterval(polling); polling = null; listen(); }, 30000);
    }
  };
}
listen();
refresh();
</script>
</body>
</html>
)PAGE";

}  // namespace ks
