// libFuzzer target: the outline loader on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "outline/outline_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ks::Diagnostics diags;
    std::string text(reinterpret_cast<const char*>(data), size);
    ks::load_outline_from_string("/nonexistent/fuzz.xml", text, diags);
    for (const auto& d : diags.items()) (void)ks::format_diagnostic(d);
    return 0;
}
