#pragma once
// Slide + layout set + text engine → frame and dump: a pure function per
// slide, so slides can be laid out in parallel and cached independently.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "frame/frame.h"
#include "frame/layout_record.h"
#include "model/deck.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

namespace ks {

struct SlideLayout {
    std::size_t index = 0;  // 0-based
    std::string id;
    std::string layout;
    std::string continues;  // id of the slide this one continues, if any
    double width = 0, height = 0;
    std::shared_ptr<const Frame> frame;
    std::vector<DumpBox> boxes;
    Diagnostics diags;
};

// The layout a slide gets: its own layout="" or one chosen from its content.
std::string choose_layout(const Slide& slide, std::size_t index, const LayoutSet& set);

// Checks every slide's layout="" against the set.
void check_layout_names(const Deck& deck, const LayoutSet& set, Diagnostics& diags);

// The image a layout shows in its own `image` box (image-text): the slide's
// first image, when the layout has such a box. Everything else goes to the body.
std::optional<std::size_t> image_slot(const LayoutSpec& layout, const Slide& slide);

// The slide's blocks that go into the body box (all but the image slot's).
std::vector<Block> body_blocks(const LayoutSpec& layout, const Slide& slide);

// The body box of `layout` for `slide`: below the subtitle when the slide
// has one and the layout places it over the body's top.
std::optional<BoxSpec> body_box_for(const LayoutSpec& layout, const Slide& slide);

// The same for the box of `role` (body, image): below the subtitle when they overlap.
std::optional<BoxSpec> content_box_for(const LayoutSpec& layout, const Slide& slide, const std::string& role);

SlideLayout layout_slide(const Deck& deck, std::size_t index, const LayoutSet& set, const TextEngine& text);

}  // namespace ks
