#include "serve/preview_server.h"

#include <httplib.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "serve/bounded_pool.h"
#include "serve/out_path.h"

namespace fs = std::filesystem;

namespace ks {
namespace {

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

// The host part of a Host header ("localhost:8640", "[::1]:8640").
std::string host_name(const std::string& header) {
    if (!header.empty() && header.front() == '[') return header.substr(0, header.find(']') + 1);
    return header.substr(0, header.find(':'));
}

const char* content_type(const fs::path& p) {
    auto ext = p.extension().string();
    if (ext == ".png") return "image/png";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".json") return "application/json";
    if (ext == ".d" || ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

std::string sse_event(const PreviewState& s) {
    std::string data = "{\"version\":" + std::to_string(s.version) + ",\"ok\":" + (s.ok ? "true" : "false") +
                       ",\"changed\":[";
    for (std::size_t i = 0; i < s.changed.size(); ++i) {
        if (i) data += ',';
        data += std::to_string(s.changed[i]);
    }
    return "event: build\ndata: " + data + "]}\n\n";
}

std::string preview_event(std::size_t index, const std::string& hash) {
    return "event: preview\ndata: {\"index\":" + std::to_string(index) + ",\"hash\":\"" + hash +
           "\",\"png\":\"/preview/" + hash + ".png\"}\n\n";
}

// Slide images kept in memory for the preview, and events kept for streams
// that are between two writes.
constexpr std::size_t kPreviewsKept = 32;

// Limits: a worker per open page's event stream, up to kMaxEventStreams;
// beyond them, and beyond kMaxWaiting queued connections, 503 at once.
constexpr std::size_t kWorkers = 32;
constexpr std::size_t kMaxEventStreams = 16;
constexpr std::size_t kMaxWaiting = 64;
constexpr std::size_t kRefusers = 4;
// An event stream ends after this long and the page reconnects: a page
// that vanished without closing its socket holds a worker no longer.
constexpr auto kStreamLifetime = std::chrono::minutes(5);

void busy(httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "5");
    res.set_header("Connection", "close");
    res.set_content("busy: too many open previews or requests; try again shortly\n", "text/plain");
}

// An open file, shared by the provider and its releaser.
struct OpenFile {
    int fd = -1;
    ~OpenFile() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

PreviewServer::PreviewServer(fs::path out_dir, const std::string& host, int port)
    : out_dir_(std::move(out_dir)), host_(host), server_(std::make_unique<httplib::Server>()) {
    routes();
    // Every open page holds one worker for its event stream (bounded above).
    server_->new_task_queue = [] { return new BoundedPool(kWorkers, kMaxWaiting, kRefusers); };
    // Idle keep-alive connections hold up stopping: let them go after 1 s.
    server_->set_keep_alive_timeout(1);
    // The library's default also sets SO_REUSEPORT, which would let a second
    // watcher share the port silently; only reuse addresses in TIME_WAIT.
    server_->set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    if (port == 0) {
        port_ = server_->bind_to_any_port(host);
        if (port_ <= 0) throw std::runtime_error("cannot listen on " + host + " (any port)");
    } else {
        if (!server_->bind_to_port(host, port))
            throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                                     " (in use? choose another with --serve PORT)");
        port_ = port;
    }
    thread_ = std::thread([this] { server_->listen_after_bind(); });
}

PreviewServer::~PreviewServer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    server_->stop();
    if (thread_.joinable()) thread_.join();
}

std::string PreviewServer::url() const {
    std::string h = host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
    return "http://" + h + ":" + std::to_string(port_) + "/";
}

void PreviewServer::publish(PreviewState state) {
    {
        std::lock_guard lock(mutex_);
        state.version = state_.version + 1;
        state_ = std::move(state);
    }
    changed_.notify_all();
}

void PreviewServer::preview(std::size_t index, const std::string& hash, std::string png) {
    {
        std::lock_guard lock(mutex_);
        preview_pngs_.emplace_back(hash, std::make_shared<const std::string>(std::move(png)));
        if (preview_pngs_.size() > kPreviewsKept) preview_pngs_.pop_front();
        preview_events_.emplace_back(++preview_seq_, preview_event(index, hash));
        if (preview_events_.size() > kPreviewsKept) preview_events_.pop_front();
    }
    changed_.notify_all();
}

std::string PreviewServer::state_json() {
    // A journal in the folder: a commit is under way, or one was killed and
    // the folder is a mix of two builds until the next build completes it.
    std::error_code ec;
    bool mid_commit = fs::exists(out_dir_ / ".kamishibai" / "journal", ec);
    std::lock_guard lock(mutex_);
    PreviewState state = state_;
    state.mid_commit = mid_commit;
    return preview_state_json(state);
}

void PreviewServer::routes() {
    auto& s = *server_;
    // A page on another site must not reach this server through a name that
    // resolves to 127.0.0.1 (DNS rebinding): on loopback, only loopback names.
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (BoundedPool::is_refusing()) {
            busy(res);
            return httplib::Server::HandlerResponse::Handled;
        }
        if (is_loopback(host_)) {
            std::string name = host_name(req.get_header_value("Host"));
            if (name != "127.0.0.1" && name != "localhost" && name != "[::1]") {
                res.status = 403;
                res.set_content("forbidden host\n", "text/plain");
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        res.set_header("X-Content-Type-Options", "nosniff");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.Get("/", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(kPreviewPage, "text/html; charset=utf-8");
    });
    s.Get("/api/deck", [this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(state_json(), "application/json");
    });
    s.Get("/events", [this](const httplib::Request&, httplib::Response& res) {
        if (event_streams_.fetch_add(1) >= kMaxEventStreams) {
            --event_streams_;
            busy(res);
            return;
        }
        res.set_header("Cache-Control", "no-store");
        auto sent = std::make_shared<std::uint64_t>(0);  // version this stream last announced
        std::uint64_t previews_now;
        {
            std::lock_guard lock(mutex_);
            previews_now = preview_seq_;  // a page that connects now asks for the state itself
        }
        auto sent_preview = std::make_shared<std::uint64_t>(previews_now);  // last preview announced
        const auto until = std::chrono::steady_clock::now() + kStreamLifetime;
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, sent, sent_preview, until](std::size_t, httplib::DataSink& sink) {
                std::string chunk;
                {
                    std::unique_lock lock(mutex_);
                    // Wake at least every 15 s to send a comment: it keeps proxies
                    // quiet and finds closed pages.
                    changed_.wait_for(lock, std::chrono::seconds(15), [&] {
                        return stopping_ || state_.version != *sent || preview_seq_ != *sent_preview;
                    });
                    if (stopping_) return false;
                    // Previews first: they were drawn before the build that follows them ended.
                    for (const auto& [seq, event] : preview_events_)
                        if (seq > *sent_preview) chunk += event;
                    *sent_preview = preview_seq_;
                    if (state_.version != *sent) {
                        *sent = state_.version;
                        chunk += sse_event(state_);
                    }
                    if (chunk.empty() && std::chrono::steady_clock::now() > until) {
                        sink.done();  // the page reconnects on its own
                        return true;
                    }
                    if (chunk.empty()) chunk = ": ping\n\n";
                }
                return sink.write(chunk.data(), chunk.size());
            },
            [this](bool) { --event_streams_; });
    });
    file_routes();
}

// /preview/HASH.png from memory, /out/... from the output folder.
void PreviewServer::file_routes() {
    auto& s = *server_;
    // A preview image: its name is its content's key, so it may be cached.
    s.Get(R"(/preview/([0-9a-f]{16})\.png)", [this](const httplib::Request& req, httplib::Response& res) {
        std::shared_ptr<const std::string> png;
        {
            std::lock_guard lock(mutex_);
            for (const auto& [hash, bytes] : preview_pngs_)
                if (hash == req.matches[1].str()) png = bytes;
        }
        if (!png) {
            res.status = 404;
            res.set_content("not found\n", "text/plain");
            return;
        }
        res.set_header("Cache-Control", "private, max-age=3600, immutable");
        res.set_content(*png, "image/png");
    });
    // Files are streamed from one descriptor, a slice at a time: a large
    // file never sits in memory, however many ask for it.
    s.Get(R"(/out/(.*))", [this](const httplib::Request& req, httplib::Response& res) {
        auto file = resolve_out_path(out_dir_, req.matches[1].str());
        auto open = std::make_shared<OpenFile>();
        struct stat st{};
        if (file) open->fd = ::open(file->c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (open->fd < 0 || ::fstat(open->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            res.status = 404;
            res.set_content("not found\n", "text/plain");
            return;
        }
        res.set_header("Cache-Control", "no-cache");
        res.set_content_provider(
            static_cast<std::size_t>(st.st_size), content_type(*file),
            [open](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                char buf[1 << 16];
                ssize_t n = ::pread(open->fd, buf, std::min(length, sizeof buf), static_cast<off_t>(offset));
                if (n <= 0) return false;  // shrunk or unreadable: end the response
                return sink.write(buf, static_cast<std::size_t>(n));
            },
            [open](bool) {});
    });
}

}  // namespace ks
