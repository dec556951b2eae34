#pragma once
// The live preview as the watcher sees it. The server itself
// (serve/preview_server.h) runs in the module lib/kamishibai/preview_server.so:
// cpp-httplib (and OpenSSL and Brotli behind it) costs milliseconds to load,
// so the binary never links it and only `watch --serve` loads it
// (util/shared_library.h).
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "serve/preview_state.h"

namespace ks {

class LivePreview {
public:
    virtual ~LivePreview() = default;  // stops and joins
    virtual std::string url() const = 0;
    virtual void publish(PreviewState state) = 0;  // assigns the next version and notifies every page
    // Preview first: slide `index`'s new image, drawn but not yet committed
    // to the output folder (serve/preview_server.h). `hash`: 16 hex digits.
    virtual void preview(std::size_t index, const std::string& hash, std::string png) = 0;
};

// What preview_server.so exports as ks_preview_server_module.
struct PreviewServerModule {
    const char* version;  // KAMISHIBAI_VERSION
    std::unique_ptr<LivePreview> (*open)(std::filesystem::path out_dir, const std::string& host, int port);
};

// A PreviewServer bound to host:port (port 0: any free port), made by the
// module, which is loaded on the first call. Throws std::runtime_error when
// it cannot bind, or when the module cannot be loaded (the message names
// the file and says to reinstall).
std::unique_ptr<LivePreview> open_preview_server(std::filesystem::path out_dir, const std::string& host, int port);

}  // namespace ks
