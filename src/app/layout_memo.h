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

#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "model/deck.h"

namespace ks {

//
// The same memo, written to OUT/.kamishibai/layout-cache, is the CLI's
// (app/layout_cache_file.h): one mechanism and one set of keys for both.
// It also keeps fitting's decisions (layout/paginate.h), keyed by the source
// slide (fit_decision_key), so fitting measures only the slides that changed.
class LayoutMemo {
public:
    // The frame and messages kept for `key`, or null; marks it used.
    const SlideLayout* find(std::uint64_t key);
    // Keeps `slide` for `key` until the end of the next build that does not use it.
    void keep(std::uint64_t key, const SlideLayout& slide);
    const FitDecision* find_fit(std::uint64_t key);
    void keep_fit(std::uint64_t key, const FitDecision& decision);
    // Called once a build's slides are all laid out: what it did not use goes.
    void end_build();

    // Every entry, for the cache file; restored entries count as unused.
    template <class F> void each_slide(F&& f) const {
        for (const auto& [key, e] : entries_) f(key, e.value);
    }
    template <class F> void each_fit(F&& f) const {
        for (const auto& [key, e] : fits_) f(key, e.value);
    }
    void restore(std::uint64_t key, SlideLayout slide) { entries_[key] = {std::move(slide), false}; }
    void restore_fit(std::uint64_t key, FitDecision d) { fits_[key] = {std::move(d), false}; }
    std::size_t size() const { return entries_.size() + fits_.size(); }

    std::size_t reused = 0;     // in the last build
    std::size_t laid_out = 0;   // in the last build
    std::size_t fits_reused = 0, fits_decided = 0;  // slides with a body box, in the last build

private:
    template <class T> struct Entry {
        T value;
        bool used = false;
    };
    std::unordered_map<std::uint64_t, Entry<SlideLayout>> entries_;
    std::unordered_map<std::uint64_t, Entry<FitDecision>> fits_;
};

// Fitting through a memo: decisions by fit_decision_key in `context`.
class MemoFits : public FitMemo {
public:
    MemoFits(LayoutMemo& memo, std::uint64_t context, const Deck& deck) : memo_(memo), context_(context), deck_(deck) {
        memo_.fits_reused = memo_.fits_decided = 0;
    }
    const FitDecision* find(std::size_t index) override;
    void keep(std::size_t index, const FitDecision& decision) override;

private:
    LayoutMemo& memo_;
    std::uint64_t context_;
    const Deck& deck_;
};

// What a build's layout depends on besides the deck: the stamps (path, size,
// modification time, inode) of `inputs` other than `outline` and of `dirs`,
// and `options` (the PNG scale and anything else the caller adds).
std::uint64_t layout_context_key(const std::vector<std::string>& inputs, const std::vector<std::string>& dirs,
                                 const std::string& outline, const std::string& options);

// The key of slide `index` of the fitted `deck` in that context.
std::uint64_t slide_layout_key(std::uint64_t context, const Deck& deck, std::size_t index);

// The key of fitting's decision for source slide `index` of the loaded
// `deck`: the slide's model and index (its layout may be chosen by index).
std::uint64_t fit_decision_key(std::uint64_t context, const Deck& deck, std::size_t index);

}  // namespace ks
