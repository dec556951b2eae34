#pragma once
// Watch: slides laid out by earlier builds of the same process, kept by what
// layout_slide reads, so a save lays out again only the slides whose inputs
// changed. The key of a slide is its whole model after fitting (text, blocks,
// source positions — so its messages still point at the right place — and
// fit size), its index, the number of slides, the deck's metadata, and the
// build's context: every other input (layout set, images, fonts, the fonts
// folder) by path and stamp, and the options layout depends on. Equal keys,
// equal frames: a reused frame is the one layout would make again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/slide_layout.h"
#include "model/deck.h"

namespace ks {

class LayoutMemo {
public:
    // The frame and messages kept for `key`, or null; marks it used.
    const SlideLayout* find(std::uint64_t key);
    // Keeps `slide` for `key` until the end of the next build that does not use it.
    void keep(std::uint64_t key, const SlideLayout& slide);
    // Called once a build's slides are all laid out: what it did not use goes.
    void end_build();

    std::size_t reused = 0;     // in the last build
    std::size_t laid_out = 0;   // in the last build

private:
    struct Entry {
        SlideLayout slide;
        bool used = false;
    };
    std::unordered_map<std::uint64_t, Entry> entries_;
};

// What a build's layout depends on besides the deck: the stamps (path, size,
// modification time, inode) of `inputs` other than `outline` and of `dirs`,
// and `options` (the PNG scale and anything else the caller adds).
std::uint64_t layout_context_key(const std::vector<std::string>& inputs, const std::vector<std::string>& dirs,
                                 const std::string& outline, const std::string& options);

// The key of slide `index` of the fitted `deck` in that context.
std::uint64_t slide_layout_key(std::uint64_t context, const Deck& deck, std::size_t index);

}  // namespace ks
