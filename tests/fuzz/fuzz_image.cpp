// libFuzzer target: image sniffing, header probe and full decode (PNG, JPEG,
// SVG) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "image/image_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    (void)ks::sniff_image_format(bytes);
    (void)ks::check_image_bytes(bytes, 4'000'000);  // a smaller budget keeps each run fast
    return 0;
}
