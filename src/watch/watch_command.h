#pragma once
// `kamishibai watch`: build, then rebuild on every save until Ctrl-C.
#include <iosfwd>
#include <string>

#include "app/build.h"

namespace ks {

struct WatchOptions {
    bool serve = false;             // also run the live preview server
    int port = 8640;                // 0: any free port (printed)
    std::string host = "127.0.0.1"; // this machine only unless asked
};

// The value of --serve: empty means the default port; else 0..65535.
bool parse_serve_port(const std::string& text, int& port);

// Returns 0 when stopped by SIGINT/SIGTERM, whatever the last build did;
// kExitEnvironment when the preview server cannot listen.
int run_watch(const BuildOptions& build, const WatchOptions& watch, std::ostream& err);

}  // namespace ks
