// libFuzzer target: the PNG probe and full decode check on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "layout/image_probe.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = "/tmp/ks-fuzz-image-" + std::to_string(::getpid()) + ".png";
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    (void)ks::probe_png(path);
    (void)ks::check_png(path, 4'000'000);  // a smaller budget keeps each run fast
    return 0;
}
