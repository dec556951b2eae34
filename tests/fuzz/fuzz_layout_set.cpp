// libFuzzer target: the layout-set loader on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "theme/layout_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // The loader reads a file: one per process, rewritten each run.
    static const std::string path = "/tmp/ks-fuzz-layouts-" + std::to_string(::getpid()) + ".xml";
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    ks::Diagnostics diags;
    ks::load_layout_set(path, diags);
    return 0;
}
