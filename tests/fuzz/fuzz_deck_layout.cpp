// libFuzzer target: load an outline and lay out every slide of the deck
// with the real layout set and fonts.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "export/dump/layout_dump.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "text/font_context.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

namespace {

struct World {
    ks::FontContext fonts{std::string(KS_SOURCE_DIR) + "/fonts"};
    ks::TextEngine text{fonts};
    ks::LayoutSet set = [] {
        ks::Diagnostics d;
        return *ks::load_layout_set(std::string(KS_SOURCE_DIR) + "/layouts/briefing.xml", d);
    }();
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static World world;
    if (size > 64 * 1024) return 0;  // layout cost grows with size; keep runs short
    ks::Diagnostics diags;
    auto deck = ks::load_outline_from_string(std::string(KS_SOURCE_DIR) + "/content/fuzz.xml",
                                             std::string(reinterpret_cast<const char*>(data), size), diags);
    if (!deck || diags.has_errors()) return 0;  // build stops here too
    ks::Document slides;
    for (std::size_t i = 0; i < deck->slides.size(); ++i)
        slides.pages.push_back(ks::layout_slide(*deck, i, world.set, world.text).frame);
    (void)ks::layout_dump_json(slides);
    return 0;
}
