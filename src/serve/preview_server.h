#pragma once
// The live preview: an HTTP server (cpp-httplib) on its own threads serving
//   /            the page (embedded in the binary)
//   /api/deck    the current PreviewState as JSON
//   /events      server-sent events: "build" after every build
//   /out/...     files inside the output folder, nothing else, streamed
// Bounded: at most 16 event streams and 64 waiting connections; beyond
// them the answer is 503 at once (serve/bounded_pool.h).
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "serve/preview_state.h"

namespace httplib {
class Server;
}

namespace ks {

class PreviewServer {
public:
    // Binds host:port (port 0: any free port) or throws std::runtime_error.
    PreviewServer(std::filesystem::path out_dir, const std::string& host, int port);
    ~PreviewServer();  // stops and joins
    PreviewServer(const PreviewServer&) = delete;
    PreviewServer& operator=(const PreviewServer&) = delete;

    int port() const { return port_; }
    std::string url() const;
    void publish(PreviewState state);  // assigns the next version and notifies every page

private:
    void routes();
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
    std::atomic<std::size_t> event_streams_{0};  // open /events streams
};

// The page itself (HTML, CSS and script in one document).
extern const char* const kPreviewPage;

}  // namespace ks
