// libFuzzer target: load an outline and lay out every slide of the deck
// with the real layout set and fonts, then write the layout dump.
#include <cstddef>
#include <cstdint>

#include "export/dump/layout_dump.h"
#include "fuzz_world.h"
#include "layout/slide_layout.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static ks::fuzz::World world;
    if (size > 64 * 1024) return 0;  // layout cost grows with size; keep runs short
    ks::Diagnostics diags;
    auto deck = ks::fuzz::load_deck(data, size, diags);
    if (!deck) return 0;  // build stops here too
    ks::Document slides;
    for (std::size_t i = 0; i < deck->slides.size(); ++i)
        slides.pages.push_back(ks::layout_slide(*deck, i, world.set, world.text).frame);
    (void)ks::layout_dump_json(slides);
    return 0;
}
