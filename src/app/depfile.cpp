#include "app/depfile.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include "app/layout_choice.h"

namespace fs = std::filesystem;

namespace ks {

namespace {

// Images anywhere in the body, columns included.
void add_images(const std::vector<Block>& blocks, const std::function<void(const std::string&)>& input) {
    for (const auto& block : blocks) {
        if (const auto* image = std::get_if<Image>(&block)) input(image->resolved);
        if (const auto* columns = std::get_if<Columns>(&block))
            for (const auto& column : columns->columns) add_images(column.blocks, input);
    }
}

}  // namespace

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
    for (const auto& slide : deck.slides) add_images(slide.blocks, input);

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
    if (!options.dump_layout.empty()) r.outputs.push_back(options.dump_layout);
}

std::string make_escape(const std::string& path) {
    std::string e;
    for (char c : path) {
        if (c == ' ' || c == '#') e += '\\';  // as gcc -M does
        if (c == '$') e += '$';
        e += c;
    }
    return e;
}

std::string depfile_text(const BuildResult& build) {
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
