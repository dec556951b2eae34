#include "app/depfile.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <stdexcept>
#include <string_view>

#include "app/layout_choice.h"
#include "util/overloaded.h"

namespace fs = std::filesystem;

namespace ks {

namespace {

// Images anywhere in the body, columns included. Every block kind is
// named: a new kind that reads a file fails to compile until it says so here.
void walk_images(const std::vector<Block>& blocks, const std::function<void(const Image&)>& visit) {
    for (const auto& block : blocks)
        std::visit(Overloaded{
                       [&](const Image& image) { visit(image); },
                       [&](const Columns& columns) {
                           for (const auto& column : columns.columns) walk_images(column.blocks, visit);
                       },
                       [](const Paragraph&) {}, [](const List&) {}, [](const Table&) {}, [](const Quote&) {},
                       [](const FigureNumber&) {}, [](const Pre&) {}, [](const Agenda&) {}, [](const Chart&) {},
                   },
                   block);
}

}  // namespace

void for_each_image(const Deck& deck, const std::function<void(const Image&)>& visit) {
    for (const auto& slide : deck.slides) walk_images(slide.blocks, visit);
}

BuildResult describe_inputs(const BuildOptions& options, const Deck& deck, const LayoutSet* set) {
    BuildResult r;
    r.described = true;
    r.title = deck.meta.title;
    std::set<std::string> seen;
    auto input = [&](const std::string& p) {
        if (!p.empty() && seen.insert(p).second) r.inputs.push_back(p);
    };
    input(options.outline);
    Diagnostics ignored;  // an unknown set is reported by the build
    if (auto layouts = layouts_file_for(options.layouts, deck, ignored)) input(*layouts);
    if (set) {
        for (const auto& logo : set->master.logos) input(logo.path);
        for (const auto& [name, layout] : set->layouts)
            for (const auto& logo : layout.logos) input(logo.path);
    }
    for_each_image(deck, [&](const Image& image) { input(image.resolved); });

    // fonts.conf and every font in the folder (fonts/user/...), sorted so the
    // depfile is deterministic.
    fs::path fonts = options.fonts_dir.empty() ? default_fonts_dir() : options.fonts_dir;
    std::vector<std::string> font_files;
    std::error_code ec;
    r.input_dirs.push_back(fonts.string());
    for (fs::recursive_directory_iterator it(fonts, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec)) r.input_dirs.push_back(it->path().string());
        else if (it->is_regular_file(ec)) font_files.push_back(it->path().string());
    }
    std::sort(font_files.begin(), font_files.end());
    std::sort(r.input_dirs.begin() + 1, r.input_dirs.end());
    for (const auto& f : font_files) input(f);
    return r;
}

void describe_outputs(const BuildOptions& options, const Deck& deck, const OutputNames& names, BuildResult& r) {
    fs::path out(options.out_dir);
    r.outputs.clear();
    r.slides.clear();
    for (const auto& name : names.all()) r.outputs.push_back((out / name).string());
    r.slides_pdf = OutputNames::kSlidesPdf;
    r.handouts.clear();
    for (std::size_t h = 0; h < names.handout_styles().size(); ++h) r.handouts.push_back(names.handout(h));
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const Slide& s = deck.slides[i];
        r.slides.push_back({i, s.id, s.title.plain(), s.notes.plain(), names.slide_png(i)});
    }
    if (options.pptx) r.outputs.push_back((out / OutputNames::kSlidesPptx).string());
    if (!options.dump_layout.empty()) r.outputs.push_back(options.dump_layout);
}

std::string make_cannot_express(const std::string& path) {
    if (path.empty()) return "an empty path";
    for (unsigned char c : path) {
        if (c == '\n' || c == '\r') return "a line break";  // ends the rule: no escape exists
        if (c < 0x20 || c == 0x7f) return "a control character";
        if (c == ';') return "a ';' (make starts a recipe there, escaped or not)";
        if (c == '=') return "a '=' (make reads a variable assignment, escaped or not)";
    }
    if (path.back() == '\\') return "a trailing backslash (make joins the next line)";
    // GNU make's ar_name(): a first '(' not at the start, a ')' at the end.
    if (auto open = path.find('('); open != std::string::npos && open > 0 && path.back() == ')' &&
                                    open + 2 < path.size())
        return "the form name(member), which make reads as an archive member";
    return "";
}

std::string make_escape(const std::string& path) {
    std::string e;
    std::size_t backslashes = 0;  // run of backslashes just before this character
    for (char c : path) {
        if (c == '$') {
            e += '$';
        } else if (std::string_view(" #:|*?[]").find(c) != std::string_view::npos) {
            // gcc -M's rule, tested against GNU make: one backslash, and the
            // backslashes before it doubled so they stay literal.
            e.append(backslashes, '\\');
            e += '\\';
        }
        e += c;
        backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    return e;
}

void check_depfile_names(const Deck& deck, Diagnostics& diags) {
    for_each_image(deck, [&](const Image& image) {
        if (std::string why = make_cannot_express(image.resolved); !why.empty())
            diags.error(image.where, "the image path \"" + image.resolved + "\" has " + why +
                                         ", which a Makefile depfile (--depfile) cannot express; rename the file "
                                         "or build without --depfile");
    });
}

std::string depfile_text(const BuildResult& build) {
    for (const auto* list : {&build.outputs, &build.inputs})
        for (const auto& path : *list)
            if (std::string why = make_cannot_express(path); !why.empty())
                throw std::runtime_error("cannot write the depfile: the path \"" + path + "\" has " + why +
                                         ", which Makefile syntax cannot express");
    std::string text;
    for (std::size_t i = 0; i < build.outputs.size(); ++i) text += (i ? " \\\n  " : "") + make_escape(build.outputs[i]);
    text += ":";
    for (const auto& in : build.inputs) text += " \\\n  " + make_escape(in);
    text += "\n";
    // An empty rule per input, like gcc -MP: a deleted input does not stop make.
    for (const auto& in : build.inputs) text += "\n" + make_escape(in) + ":\n";
    return text;
}

}  // namespace ks
