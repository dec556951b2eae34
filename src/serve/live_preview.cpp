#include "serve/live_preview.h"

#include "util/shared_library.h"

namespace ks {

std::unique_ptr<LivePreview> open_preview_server(std::filesystem::path out_dir, const std::string& host, int port) {
    const auto& module =
        *static_cast<const PreviewServerModule*>(load_module_table("preview_server", "ks_preview_server_module"));
    return module.open(std::move(out_dir), host, port);
}

}  // namespace ks
