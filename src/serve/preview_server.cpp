#include "serve/preview_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <stdexcept>

#include "serve/out_path.h"
#include "util/read_file.h"

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
    for (std::size_t i = 0; i < s.changed.size(); ++i) data += (i ? "," : "") + std::to_string(s.changed[i]);
    return "event: build\ndata: " + data + "]}\n\n";
}

}  // namespace

PreviewServer::PreviewServer(fs::path out_dir, const std::string& host, int port)
    : out_dir_(std::move(out_dir)), host_(host), server_(std::make_unique<httplib::Server>()) {
    routes();
    // Every open page holds one worker for its event stream.
    server_->new_task_queue = [] { return new httplib::ThreadPool(32); };
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

std::string PreviewServer::state_json() {
    std::lock_guard lock(mutex_);
    return preview_state_json(state_);
}

void PreviewServer::routes() {
    auto& s = *server_;
    // A page on another site must not reach this server through a name that
    // resolves to 127.0.0.1 (DNS rebinding): on loopback, only loopback names.
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
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
        res.set_header("Cache-Control", "no-store");
        auto sent = std::make_shared<std::uint64_t>(0);  // version this stream last announced
        res.set_chunked_content_provider("text/event-stream", [this, sent](std::size_t, httplib::DataSink& sink) {
            std::string chunk;
            {
                std::unique_lock lock(mutex_);
                // Wake at least every 15 s to send a comment: it keeps proxies
                // quiet and finds closed pages.
                changed_.wait_for(lock, std::chrono::seconds(15),
                                  [&] { return stopping_ || state_.version != *sent; });
                if (stopping_) return false;
                if (state_.version != *sent) {
                    *sent = state_.version;
                    chunk = sse_event(state_);
                } else {
                    chunk = ": ping\n\n";
                }
            }
            return sink.write(chunk.data(), chunk.size());
        });
    });
    s.Get(R"(/out/(.*))", [this](const httplib::Request& req, httplib::Response& res) {
        auto file = resolve_out_path(out_dir_, req.matches[1].str());
        std::optional<std::string> bytes;
        if (file) bytes = read_file(file->string());
        if (!bytes) {
            res.status = 404;
            res.set_content("not found\n", "text/plain");
            return;
        }
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::move(*bytes), content_type(*file));
    });
}

}  // namespace ks
