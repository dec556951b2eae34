// libFuzzer target: the layout cache's reader (app/layout_cache_file.h) on
// arbitrary entries, sealed with the right header, program stamp and
// checksum so the fuzzer reaches the field readers. Whatever the bytes say,
// the reader refuses them or returns entries whose frames an exporter can
// walk (ranges and glyph clusters inside), and what it accepts is written
// and read back again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/layout_cache_file.h"
#include "export/dump/layout_dump.h"
#include "export/dump/text_dump.h"

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view entries(reinterpret_cast<const char*>(data), size);
    ks::LayoutMemo memo;
    if (!ks::parse_layout_cache(ks::seal_layout_cache(entries), memo)) {
        require(memo.size() == 0);
        return 0;
    }
    ks::Document doc;
    memo.each_slide([&](std::uint64_t, const ks::SlideLayout& s) { doc.pages.push_back(s.frame); });
    (void)ks::dump_document(doc);
    (void)ks::layout_dump_json(doc);
    ks::LayoutMemo again;
    require(ks::parse_layout_cache(ks::layout_cache_bytes(memo), again));
    require(again.size() == memo.size());
    return 0;
}
