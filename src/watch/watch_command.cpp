#include "watch/watch_command.h"

#include <algorithm>

#include <poll.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <ostream>
#include <sstream>

#include "app/layout_memo.h"
#include "serve/live_preview.h"
#include "util/hash.h"
#include "util/read_file.h"
#include "watch/file_watcher.h"
#include "watch/output_hashes.h"
#include "watch/stop_signals.h"

namespace fs = std::filesystem;

namespace ks {
namespace {

using Clock = std::chrono::steady_clock;
// A save that ends with close-after-write or a rename into place builds at
// once. Other changes (a file deleted, a folder touched, a write still open)
// may be half of an edit: wait until the files have been quiet this long.
constexpr int kQuietMs = 120;
// ...but never postpone a build longer than this under a constant stream of writes.
constexpr auto kMaxDelay = std::chrono::milliseconds(1000);

std::string clock_time() {
    std::time_t t = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", std::localtime(&t));
    return buf;
}

enum class Wake { Change, Stop };

// Blocks until a watched file was saved (every event already queued is read
// first, so a burst is one build), or changed otherwise and has been quiet
// for kQuietMs, or a stop signal arrived.
Wake wait_for_change(FileWatcher& watcher, StopSignals& stop) {
    bool pending = false;
    Clock::time_point first{};
    for (;;) {
        pollfd fds[2] = {{watcher.fd(), POLLIN, 0}, {stop.fd(), POLLIN, 0}};
        int timeout = pending ? kQuietMs : -1;
        int n = ::poll(fds, 2, timeout);
        if (n < 0) continue;  // EINTR
        if (fds[1].revents & POLLIN) {
            if (stop.take()) return Wake::Stop;
        }
        if (fds[0].revents & POLLIN) {
            if (!watcher.read_changes().empty()) {
                if (watcher.saw_save()) return Wake::Change;
                if (!pending) pending = true, first = Clock::now();
            }
            if (pending && Clock::now() - first >= kMaxDelay) return Wake::Change;
            continue;
        }
        if (n == 0 && pending) return Wake::Change;  // quiet long enough
    }
}

bool events_pending(const FileWatcher& watcher) {
    pollfd fd = {watcher.fd(), POLLIN, 0};
    return ::poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN);
}

// The build's change report says which slides changed; their keys tell the
// browser when to fetch an image again.
PreviewState preview_state(const BuildResult& good, const fs::path& out_dir, bool ok, const std::string& messages) {
    PreviewState state;
    state.ok = ok;
    state.messages = messages;
    state.title = good.title;
    for (const auto& s : good.slides)
        state.slides.push_back({s.index, s.id, s.title, s.notes, s.png, s.key ? hex64(s.key) : file_hash(out_dir / s.png)});
    if (ok) {
        for (const auto* list : {&good.changes.added, &good.changes.changed})
            for (const auto& c : *list) state.changed.push_back(c.index);
        std::sort(state.changed.begin(), state.changed.end());
    }
    if (!good.handouts.empty()) {
        state.handout_file = good.handouts.front();
        state.handout_hash = file_hash(out_dir / state.handout_file);
    }
    if (!good.slides_pdf.empty()) {
        state.slides_pdf_file = good.slides_pdf;
        state.slides_pdf_hash = file_hash(out_dir / state.slides_pdf_file);
    }
    return state;
}

// The image the build just wrote to its temporary, handed to the server
// (its name there is the render key the page will later see for it).
std::function<void(std::size_t, std::uint64_t, const std::string&)> preview_sender(LivePreview& server) {
    return [&server](std::size_t index, std::uint64_t key, const std::string& temp) {
        if (auto png = read_file(temp)) server.preview(index, hex64(key), std::move(*png));
    };
}

}  // namespace

bool parse_serve_port(const std::string& text, int& port) {
    if (text.empty()) return true;  // keep the default
    if (text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    int value = std::stoi(text);
    if (value > 65535) return false;
    port = value;
    return true;
}

int run_watch(const BuildOptions& options, const WatchOptions& watch, std::ostream& err) {
    StopSignals stop;  // before any thread starts: they inherit the blocked signals
    std::unique_ptr<LivePreview> server;
    if (watch.serve) {
        try {
            server = open_preview_server(options.out_dir, watch.host, watch.port);
        } catch (const std::exception& e) {
            err << "kamishibai: error: " << e.what() << "\n";
            return kExitEnvironment;
        }
        err << "kamishibai: live preview at " << server->url() << std::endl;
    }

    FileWatcher watcher;
    std::string layouts = options.layouts.empty() ? default_layouts_file() : options.layouts;
    std::string fonts = options.fonts_dir.empty() ? default_fonts_dir() : options.fonts_dir;
    // Watched before the first build starts, so no save is missed during it.
    BuildResult known;  // inputs of the last build that could load the outline
    known.inputs = {options.outline, layouts};
    known.input_dirs = {fonts};
    watcher.watch(known.inputs, known.input_dirs);

    BuildResult good;  // the last successful build: its files are the ones on disk
    LayoutMemo memo;  // slides laid out by earlier builds: a save lays out the changed ones
    for (;;) {
        auto start = Clock::now();
        std::ostringstream messages;
        BuildResult result;
        int code;
        try {
            // The first build lays out everything: the preview needs its slides.
            BuildOptions this_build = options;
            this_build.reuse_unchanged = this_build.reuse_unchanged && good.described;
            this_build.layout_memo = &memo;
            // Preview first: after the first build, each new slide image goes
            // to the page before the output folder is committed.
            if (server && good.described) this_build.on_slide_png = preview_sender(*server);
            code = run_build(this_build, messages, &result);
        } catch (const std::exception& e) {
            messages << "kamishibai: error: " << e.what() << "\n";
            code = kExitEnvironment;
        }
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        // A failed build whose inputs changed while it ran (the next save
        // truncated the file it read) is superseded: wait for that save
        // instead of showing its errors.
        if (code != kExitOk && events_pending(watcher)) {
            if (wait_for_change(watcher, stop) == Wake::Stop) break;
            continue;
        }
        err << messages.str();
        char line[160];
        if (code == kExitOk)
            std::snprintf(line, sizeof line, "[%s] built in %.0f ms; watching for changes (Ctrl-C stops)\n",
                          clock_time().c_str(), ms);
        else
            std::snprintf(line, sizeof line,
                          "[%s] build failed (exit %d) in %.0f ms; the last good output is kept; watching\n",
                          clock_time().c_str(), code, ms);
        if (code != kExitOk || !options.quiet) err << line;  // --quiet: problems only
        err << std::flush;

        if (result.described) known = result;
        // Every time: a folder deleted and recreated since is watched again.
        watcher.watch(known.inputs, known.input_dirs);
        if (code == kExitOk && !result.unchanged) good = std::move(result);
        if (server) server->publish(preview_state(good, options.out_dir, code == kExitOk, messages.str()));

        if (wait_for_change(watcher, stop) == Wake::Stop) break;
    }
    err << "kamishibai: stopped\n";
    return kExitOk;
}

}  // namespace ks
