#pragma once
// Every name a build writes in the output folder, in one place. The
// exporters' tasks, the depfile, the change report, the watcher and (through
// the watcher) the preview ask here; no other file spells an output's name.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ks {

// `--handout`: the styles, parsed once at the CLI edge.
enum class HandoutStyle { One, Two, Three, Four, Six, Nine, Notes, Outline };

// "1", "2", "3", "4", "6", "9", "notes", "outline": the CLI's and the handout
// layer's spelling.
std::string_view handout_style_name(HandoutStyle style);
std::optional<HandoutStyle> parse_handout_style(std::string_view name);  // case as given
// Whether --order vertical means anything for this style (4, 6 and 9 only).
bool handout_style_is_grid(HandoutStyle style);

// "3,notes" -> the styles in order, each once. An unknown one: nullopt and
// `message` names it and the allowed values.
std::optional<std::vector<HandoutStyle>> parse_handout_styles(const std::string& spec, std::string& message);

class OutputNames {
public:
    static constexpr const char* kSlidesDir = "slides";
    static constexpr const char* kSlidesPdf = "slides.pdf";
    static constexpr const char* kSlidesPptx = "slides.pptx";  // --pptx
    static constexpr const char* kStateDir = ".kamishibai";  // the output folder's own state

    OutputNames(std::size_t slide_count, std::vector<HandoutStyle> handouts);

    std::size_t slide_count() const { return slide_count_; }
    // "slides/01.png" (at least two digits, more when there are 100+ slides).
    std::string slide_png(std::size_t index) const;
    const std::vector<HandoutStyle>& handout_styles() const { return handouts_; }
    // "handout.pdf" for a single style, else "handout-STYLE.pdf".
    std::string handout(std::size_t h) const;
    // Every file of a build, relative to the output folder: the slide
    // images, slides.pdf, the handouts, in that order.
    std::vector<std::string> all() const;

    // The 0-based slide index of "slides/07.png"; nullopt for any other name.
    static std::optional<std::size_t> slide_index(const std::string& relative);
    // Whether a build (with any slide count and styles) may write this
    // relative path, or it is the folder's state: a side file (the change
    // report) must not land there.
    static bool reserved(const std::string& relative);

private:
    std::size_t slide_count_;
    std::vector<HandoutStyle> handouts_;
};

}  // namespace ks
