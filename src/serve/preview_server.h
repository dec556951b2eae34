#pragma once
// The live preview: an HTTP server (cpp-httplib) on its own threads serving
//   /            the page (embedded in the binary)
//   /api/deck    the current PreviewState as JSON
//   /events      server-sent events: "build" after every build, "preview"
//                for each slide image drawn while a build still runs
//   /out/...     files inside the output folder, nothing else, streamed
//   /preview/HASH.png  a slide image drawn by the running build, from memory
//                (the last kPreviewsKept; the name is its content's key)
// Bounded: at most 16 event streams and 64 waiting connections; beyond
// them the answer is 503 at once (serve/bounded_pool.h).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "serve/live_preview.h"
#include "serve/preview_state.h"

namespace httplib {
class Server;
}

namespace ks {

class PreviewServer final : public LivePreview {
public:
    // Binds host:port (port 0: any free port) or throws std::runtime_error.
    PreviewServer(std::filesystem::path out_dir, const std::string& host, int port);
    ~PreviewServer() override;  // stops and joins
    PreviewServer(const PreviewServer&) = delete;
    PreviewServer& operator=(const PreviewServer&) = delete;

    int port() const { return port_; }
    std::string url() const override;
    void publish(PreviewState state) override;  // assigns the next version and notifies every page
    // Preview first: slide `index`'s new image, drawn but not yet committed
    // to the output folder, is served from memory as /preview/HASH.png and
    // announced to every page at once ("preview" event). `hash`: 16 hex digits.
    void preview(std::size_t index, const std::string& hash, std::string png) override;

private:
    void routes();
    void file_routes();
    std::string state_json();

    std::filesystem::path out_dir_;
    std::string host_;
    int port_ = 0;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;

    std::mutex mutex_;
    std::condition_variable changed_;
    PreviewState state_;
    bool stopping_ = false;
    std::uint64_t preview_seq_ = 0;  // counts preview() calls
    std::deque<std::pair<std::uint64_t, std::string>> preview_events_;  // (seq, event text), the latest
    std::deque<std::pair<std::string, std::shared_ptr<const std::string>>> preview_pngs_;  // (hash, bytes)
    std::atomic<std::size_t> event_streams_{0};  // open /events streams
};

// The page itself (HTML, CSS and script in one document).
extern const char* const kPreviewPage;

}  // namespace ks
