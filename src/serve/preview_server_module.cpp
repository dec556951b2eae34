// The module lib/kamishibai/preview_server.so (serve/live_preview.h): the
// preview server with cpp-httplib, loaded by the binary for `watch --serve`.
#include "serve/live_preview.h"
#include "serve/preview_server.h"
#include "util/shared_library.h"

namespace {

std::unique_ptr<ks::LivePreview> open_server(std::filesystem::path out_dir, const std::string& host, int port) {
    return std::make_unique<ks::PreviewServer>(std::move(out_dir), host, port);
}

}  // namespace

KS_MODULE_TABLE const ks::PreviewServerModule ks_preview_server_module{KAMISHIBAI_VERSION, &open_server};
