#include "app/build_stages.h"

#include <cstdlib>
#include <set>

#include "app/depfile.h"
#include "app/input_root.h"
#include "app/layout_choice.h"
#include "app/slides_document.h"
#include "handout/handout_imposer.h"
#include "image/image_store.h"
#include "layout/font_families.h"
#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "util/dates.h"

namespace ks {

Diagnostics warnings_as_errors(const Diagnostics& diags) {
    Diagnostics out;
    for (auto d : diags.items()) {
        if (d.severity == Severity::Warning) d.severity = Severity::Error;
        out.add(std::move(d));
    }
    return out;
}

Loaded load_stage(const BuildOptions& options, Diagnostics& diags) {
    Loaded loaded;
    // Images are decoded once, for the largest output: until the layout set
    // says otherwise, a 960x540 slide.
    ImageStore::shared().set_bound(pixel_bound(960, 540, options.png_scale));
    ImageStore::shared().keep_file_bytes(options.pptx);  // slides.pptx embeds PNG and SVG files as they are
    OutlineOptions outline_options;
    outline_options.max_image_pixels = options.max_image_pixels;
    loaded.deck = load_outline(options.outline, diags, outline_options);
    auto layouts_file = layouts_file_for(options.layouts, loaded.deck ? *loaded.deck : Deck{}, diags);
    if (layouts_file) {
        loaded.layouts_file = *layouts_file;
        loaded.set = load_layout_set(*layouts_file, diags);
    }
    if (loaded.set) ImageStore::shared().set_bound(pixel_bound(loaded.set->width, loaded.set->height, options.png_scale));
    if (loaded.deck && loaded.set) check_layout_names(*loaded.deck, *loaded.set, diags);
    if (loaded.deck && !options.depfile.empty()) check_depfile_names(*loaded.deck, diags);
    if (loaded.deck && !options.root.empty()) check_image_root(*loaded.deck, options.root, diags);
    if (loaded.deck) loaded.described = describe_inputs(options, *loaded.deck, loaded.set ? &*loaded.set : nullptr);
    return loaded;
}

std::optional<Deck> fit_stage(const Deck& deck, const LayoutSet& set, const Typesetter& type, Diagnostics& diags,
                              LayoutMemo* memo, std::uint64_t context) {
    check_font_families(set, type.fonts, diags);
    if (diags.has_errors()) return std::nullopt;
    if (!memo) return paginate(deck, set, type.text, diags);  // long slides continue
    MemoFits fits(*memo, context, deck);
    return paginate(deck, set, type.text, diags, &fits);
}

Document render_stage(const Deck& deck, const LayoutSet& set, const Typesetter& type, Diagnostics& diags,
                      LayoutMemo* memo, std::uint64_t context) {
    std::vector<std::shared_ptr<const Frame>> frames;
    frames.reserve(deck.slides.size());
    if (memo) memo->reused = memo->laid_out = 0;
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const std::uint64_t key = memo ? slide_layout_key(context, deck, i) : 0;
        if (const SlideLayout* kept = memo ? memo->find(key) : nullptr) {
            diags.append(kept->diags);
            frames.push_back(kept->frame);
            ++memo->reused;
            continue;
        }
        SlideLayout slide = layout_slide(deck, i, set, type.text);
        diags.append(slide.diags);
        if (memo) memo->keep(key, slide), ++memo->laid_out;
        frames.push_back(std::move(slide.frame));
    }
    if (memo) memo->end_build();
    // The one timestamp of this build, for every output.
    const Timestamp timestamp = document_timestamp(deck.meta.date, std::getenv("SOURCE_DATE_EPOCH"));
    return slides_document(deck, std::move(frames), timestamp);
}

Imposed impose_stage(const Deck& deck, const Document& slides, const LayoutSet& set, const Typesetter& type,
                     const BuildOptions& options, const std::vector<HandoutStyle>& styles, Diagnostics& diags) {
    // The imposer sets text through Pango, which stays on this thread.
    Imposed imposed;
    std::set<std::string> seen_diags;
    for (HandoutStyle style : styles) {
        HandoutOptions handout_options = options.handout;
        if (auto sans = set.fonts.find("sans"); sans != set.fonts.end()) handout_options.font_family = sans->second;
        if (auto mono = set.fonts.find("mono"); mono != set.fonts.end()) handout_options.mono_family = mono->second;
        handout_options.style = std::string(handout_style_name(style));
        Diagnostics style_diags;  // the notes' problems once, not once per style
        imposed.handouts.push_back(impose_handout(deck, slides, type.text, handout_options, style_diags));
        imposed.pages += imposed.handouts.back().pages.size();
        for (const auto& d : style_diags.items())
            if (seen_diags.insert(format_diagnostic(d)).second) diags.add(d);
    }
    return imposed;
}

}  // namespace ks
