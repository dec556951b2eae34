#include "app/build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <set>
#include <thread>

#include "app/change_report.h"
#include "app/depfile.h"
#include "app/input_root.h"
#include "cache/render_key.h"
#include "app/layout_choice.h"
#include "app/progress.h"
#include "app/slides_document.h"
#include "export/cairo/slide_exporter.h"
#include "export/dump/layout_dump.h"
#include "export/pdf/hpdf_writer.h"
#include "layout/font_families.h"
#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "output/output_folder.h"
#include "text/font_context.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"
#include "util/data_dir.h"
#include "util/parallel.h"

namespace fs = std::filesystem;

namespace ks {
namespace {

// --quiet prints problems only: notes (what fitting did) are left out.
void print_diagnostics(const Diagnostics& diags, std::ostream& err, bool quiet) {
    err << format_diagnostics(diags, quiet);
}

// Every diagnostic, then the error and warning counts.
void print_summary(const Diagnostics& diags, std::ostream& err, bool quiet) {
    print_diagnostics(diags, err, quiet);
    auto errors = diags.error_count(), warnings = diags.warning_count();
    if (errors || warnings)
        err << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
            << (warnings == 1 ? " warning" : " warnings") << "\n";
}

// --strict: a clean deck or nothing.
Diagnostics warnings_as_errors(const Diagnostics& diags) {
    Diagnostics out;
    for (auto d : diags.items()) {
        if (d.severity == Severity::Warning) d.severity = Severity::Error;
        out.add(std::move(d));
    }
    return out;
}

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// --verbose: every file read and written, with its size.
void print_files(const BuildResult& build, std::ostream& err) {
    std::error_code ec;
    for (const auto& in : build.inputs) err << "  input  " << in << "\n";
    for (const auto& out : build.outputs) {
        auto size = fs::file_size(out, ec);
        err << "  wrote  " << out << " (" << (ec ? 0 : size) << " bytes)\n";
    }
}

void refuse_input(const fs::path& target, const std::vector<fs::path>& inputs) {
    std::error_code ec;
    for (const auto& input : inputs)
        if (fs::equivalent(target, input, ec))
            throw OutputConflict(target.string() + ": error: this is an input of the build (" + input.string() +
                                 ") and would be overwritten by an output; choose another name");
}

// `path` relative to `dir` when it lies inside it, else "".
std::string inside(const fs::path& dir, const fs::path& path) {
    std::error_code ec;
    fs::path d = fs::weakly_canonical(dir, ec), p = fs::weakly_canonical(path, ec);
    if (ec) return "";
    fs::path rel = p.lexically_relative(d);
    if (rel.empty() || *rel.begin() == "..") return "";
    return rel.string();
}

}  // namespace

std::vector<std::string> handout_styles(const std::string& spec) {
    std::vector<std::string> styles;
    std::size_t start = 0;
    for (;;) {
        auto comma = spec.find(',', start);
        std::string style = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (std::find(styles.begin(), styles.end(), style) == styles.end()) styles.push_back(style);
        if (comma == std::string::npos) return styles;
        start = comma + 1;
    }
}

std::string handout_file_name(const std::string& style, std::size_t style_count) {
    return style_count == 1 ? "handout.pdf" : "handout-" + style + ".pdf";
}

std::string default_layouts_file() { return (fs::path(data_dir()) / "layouts" / "briefing.xml").string(); }
std::string default_fonts_dir() { return (fs::path(data_dir()) / "fonts").string(); }

int run_build(const BuildOptions& options, std::ostream& err, BuildResult* result) {
    auto start = Clock::now();
    if (const char* env = std::getenv("KAMISHIBAI_DATA_DIR"); env && *env && !fs::is_directory(env))
        throw std::runtime_error(std::string("KAMISHIBAI_DATA_DIR is ") + env +
                                 ", which is not a folder; unset it or point it at a kamishibai data tree");
    Diagnostics diags;
    OutlineOptions outline_options;
    outline_options.max_image_pixels = options.max_image_pixels;
    auto deck = load_outline(options.outline, diags, outline_options);
    auto layouts_file = layouts_file_for(options.layouts, deck ? *deck : Deck{}, diags);
    auto set = layouts_file ? load_layout_set(*layouts_file, diags) : std::nullopt;
    if (deck && set) check_layout_names(*deck, *set, diags);
    if (deck && !options.depfile.empty()) check_depfile_names(*deck, diags);
    if (deck && !options.root.empty()) check_image_root(*deck, options.root, diags);
    if (result && deck) *result = describe_build(options, *deck, set ? &*set : nullptr);
    if (!deck || !set || diags.has_errors()) {
        print_summary(diags, err, options.quiet);
        if (options.write_outputs) err << "kamishibai: nothing written; the previous output is unchanged\n";
        return kExitInput;
    }

    FontContext fonts(options.fonts_dir.empty() ? default_fonts_dir() : options.fonts_dir);
    TextEngine text(fonts);
    check_font_families(*set, fonts, diags);
    bool fonts_ok = !diags.has_errors();
    if (fonts_ok) deck = paginate(*deck, *set, text, diags);  // long slides continue
    std::vector<SlideLayout> slides;
    slides.reserve(deck->slides.size());
    for (std::size_t i = 0; fonts_ok && i < deck->slides.size(); ++i) {
        slides.push_back(layout_slide(*deck, i, *set, text));
        diags.append(slides.back().diags);
    }
    if (options.strict) diags = warnings_as_errors(diags);
    if (diags.has_errors()) {  // e.g. an unbreakable thing larger than its box: never clipped silently
        print_summary(diags, err, options.quiet);
        if (options.write_outputs) err << "kamishibai: nothing written; the previous output is unchanged\n";
        return kExitInput;
    }
    std::vector<std::shared_ptr<const Frame>> frames;
    for (const auto& s : slides) frames.push_back(s.frame);
    // The one timestamp of this build, for every output.
    const Timestamp timestamp = document_timestamp(deck->meta.date, std::getenv("SOURCE_DATE_EPOCH"));
    const Document slides_doc = slides_document(*deck, std::move(frames), timestamp);
    // The handout is imposed for `check` too: speaker notes are set there,
    // and their problems must be reported without writing anything. The
    // imposer sets text through Pango, which stays on this thread.
    // Several styles (--handout 3,notes) are imposed from the same frames.
    std::vector<std::string> styles = options.write_outputs ? handout_styles(options.handout.style)
                                                            : std::vector<std::string>{"notes"};  // sets every note
    std::vector<Document> handouts;
    std::size_t handout_pages = 0;
    std::set<std::string> seen_diags;
    for (const auto& style : styles) {
        HandoutOptions handout_options = options.handout;
        if (auto sans = set->fonts.find("sans"); sans != set->fonts.end()) handout_options.font_family = sans->second;
        if (auto mono = set->fonts.find("mono"); mono != set->fonts.end()) handout_options.mono_family = mono->second;
        handout_options.style = style;
        Diagnostics style_diags;  // the notes' problems once, not once per style
        handouts.push_back(impose_handout(*deck, slides_doc, text, handout_options, style_diags));
        handout_pages += handouts.back().pages.size();
        for (const auto& d : style_diags.items()) {
            std::string text = format_diagnostic(d);
            if (seen_diags.insert(text).second) diags.add(d);
        }
    }
    double layout_ms = ms_since(start);
    if (options.strict) diags = warnings_as_errors(diags);
    if (options.write_outputs && diags.has_errors()) {
        print_summary(diags, err, options.quiet);
        err << "kamishibai: nothing written; the previous output is unchanged\n";
        return kExitInput;
    }

    if (!options.write_outputs) {
        if (!options.out_dir.empty()) err << folder_state_note(options.out_dir);  // check -o OUT
        (void)layout_dump_json(slides_doc);  // what --dump-layout would write must be writable too
        print_summary(diags, err, options.quiet);
        if (!options.quiet) err << options.outline << ": " << deck->slides.size() << " slides, ok\n";
        return diags.has_errors() ? kExitInput : kExitOk;
    }

    // More threads than cores only costs memory: at most 4 a core, 64 in all.
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    unsigned threads = std::min({options.threads ? options.threads : cores, cores * 4, 64u});

    auto print_time = [&](const char* name, double ms) {
        if (!options.timings) return;
        char buf[96];
        std::snprintf(buf, sizeof buf, "  %-18s %7.1f ms\n", name, ms);
        err << buf;
    };
    auto phase = Clock::now();
    auto lap = [&](const char* name) {
        print_time(name, ms_since(phase));
        phase = Clock::now();
    };
    print_time("load+layout+impose", layout_ms);
    if (options.verbose)
        err << "  read " << options.outline << ": " << deck->slides.size() << " slides, " << handout_pages
            << " handout pages\n";
    // Inputs are never outputs: the layout dump or an output landing on the
    // outline, the layout set or an image is an error before anything is made.
    BuildResult described = describe_build(options, *deck, &*set);
    const std::vector<fs::path> inputs(described.inputs.begin(), described.inputs.end());
    if (!options.report.empty()) {
        refuse_input(options.report, inputs);
        std::string rel = inside(options.out_dir, options.report);
        if (rel == "slides.pdf" || rel.rfind("handout", 0) == 0 || rel.rfind("slides/", 0) == 0 ||
            rel.rfind(".kamishibai", 0) == 0)
            throw OutputConflict(options.report + ": error: the change report would overwrite an output of the build; "
                                 "choose another file name");
    }
    OutputFolder out(options.out_dir, options.recover);
    fs::path out_dir(options.out_dir);
    // Incremental: an output whose key (cache/render_key.h) is the one the
    // previous build recorded, and which is still on disk as written, is
    // kept; any other is made anew. Layout always runs (it is cheap and the
    // handout needs every frame); only exporting is skipped.
    RenderKeys keys;
    {  // the layout set and the font configuration, though frames already show their effect
        keys.add_input(*layouts_file, true);
        const std::string fonts_dir = options.fonts_dir.empty() ? default_fonts_dir() : options.fonts_dir;
        for (const auto& input : described.inputs)
            if (input.rfind(fonts_dir, 0) == 0) keys.add_input(input, input.ends_with("fonts.conf"));
    }
    auto output = [&](const std::string& relative, std::uint64_t key = 0, std::string label = "") {
        refuse_input(out_dir / relative, inputs);
        return out.file(relative, key, std::move(label));
    };
    auto reuse = [&](const std::string& relative, std::uint64_t key, std::string label = "") {
        if (options.no_cache) return false;
        refuse_input(out_dir / relative, inputs);
        return out.keep(relative, key, std::move(label));
    };
    auto text_key = [](const std::string& salt, const std::string& text) {
        KeyHasher h;
        h.str(salt);
        h.str(text);
        return h.value();
    };
    CairoPainter painter;

    // The exporters below only read Documents and run in parallel.
    const HpdfOptions handout_render{options.handout.grayscale};
    const PngOptions png_render{options.png_scale};
    const std::size_t slide_count = slides_doc.pages.size();
    char render_salt[96];
    std::snprintf(render_salt, sizeof render_salt, "png scale %.17g", options.png_scale);
    const std::string png_salt = render_salt;
    const std::string handout_salt = std::string("hpdf grayscale ") + (options.handout.grayscale ? "1" : "0");
    std::vector<std::string> handout_paths(handouts.size());  // "": kept
    for (std::size_t h = 0; h < handouts.size(); ++h) {
        std::string name = handout_file_name(styles[h], styles.size());
        std::uint64_t key = keys.document(handouts[h], handout_salt);
        if (!reuse(name, key)) handout_paths[h] = output(name, key).string();
    }
    std::uint64_t slides_pdf_key = keys.document(slides_doc, "cairo pdf");
    std::string slides_pdf_path;
    if (!reuse("slides.pdf", slides_pdf_key)) slides_pdf_path = output("slides.pdf", slides_pdf_key).string();
    std::vector<std::string> png_paths(slide_count);  // "": kept from the previous build
    std::vector<SlideOutput> slide_outputs;
    for (std::size_t i = 0; i < slide_count; ++i) {
        const Slide& slide = deck->slides[i];
        SlideOutput so{i, slide.id, slide.title.plain(), "slides/" + slide_png_name(i, slide_count),
                       keys.page(*slides_doc.pages[i], png_salt)};
        std::string label = slide_label(so.id, so.title);
        if (!reuse(so.png, so.key, label)) png_paths[i] = output(so.png, so.key, label).string();
        slide_outputs.push_back(std::move(so));
    }
    ChangeReport changes = compare_slides(slide_outputs, out);
    // The dump and the depfile go through the commit when they are inside the
    // output folder, else they are written on their own after it.
    const std::string dump_text = options.dump_layout.empty() ? "" : layout_dump_json(slides_doc);
    const std::string depfile_body = options.depfile.empty() ? "" : depfile_text(described);
    auto side_file = [&](const std::string& path, std::string& relative, const std::string& text) {
        if (path.empty()) return std::string();
        refuse_input(path, inputs);
        relative = inside(out_dir, path);
        if (relative.empty()) {
            check_replaceable(path);  // before anything is written
            return std::string();
        }
        std::uint64_t key = text_key("side file", text);
        if (reuse(relative, key)) return std::string();
        return output(relative, key).string();
    };
    std::string dump_relative, depfile_relative;
    std::string dump_temp = side_file(options.dump_layout, dump_relative, dump_text);
    std::string depfile_temp = side_file(options.depfile, depfile_relative, depfile_body);
    std::vector<Diagnostics> handout_diags(handouts.size());

    // CPU time of each kind of task, for --timings.
    std::atomic<long long> handout_us{0}, slides_pdf_us{0}, png_us{0};
    auto timed = [](std::atomic<long long>& total, auto&& work) {
        auto t = Clock::now();
        work();
        total += std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t).count();
    };
    std::vector<std::function<void()>> tasks;  // longest first
    for (std::size_t h = 0; h < handouts.size(); ++h)
        if (!handout_paths[h].empty())
            tasks.push_back([&, h] {
                timed(handout_us, [&] { write_handout_pdf(handouts[h], handout_render, handout_paths[h], handout_diags[h]); });
            });
    if (!slides_pdf_path.empty())
        tasks.push_back([&] { timed(slides_pdf_us, [&] { write_cairo_pdf(painter, slides_doc, slides_pdf_path); }); });
    std::size_t rendered = 0;
    for (const auto& p : png_paths) rendered += !p.empty();
    Progress progress(rendered, !options.quiet && stderr_is_terminal());
    for (std::size_t i = 0; i < slide_count; ++i)
        if (!png_paths[i].empty()) tasks.push_back([&, i] {
            timed(png_us, [&] {
                write_page_png(painter, slides_doc, i, png_paths[i], png_render);
            });
            progress.step();
        });
    try {
        run_parallel(tasks, threads);
    } catch (const std::exception& e) {
        throw std::runtime_error(out.final_names(e.what()));  // name outputs, not temporaries
    }
    progress.finish();
    for (const auto& d : handout_diags) diags.append(d);
    if (options.timings) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "    handout.pdf %7.1f ms, slides.pdf %7.1f ms, PNGs %7.1f ms (CPU, %u threads)\n",
                      handout_us / 1000.0, slides_pdf_us / 1000.0, png_us / 1000.0, threads);
        err << buf;
    }
    lap("export");

    if (!dump_temp.empty()) write_file_atomically(dump_temp, dump_text);
    if (!depfile_temp.empty()) write_file_atomically(depfile_temp, depfile_body);
    out.commit();
    auto write_side_file = [&](const std::string& path, const std::string& relative, const char* what,
                               const std::string& text) {
        if (path.empty() || !relative.empty()) return;
        try {
            write_file_atomically(path, text);
        } catch (const std::exception& e) {
            throw CommitInterrupted(std::string(e.what()) + "\nkamishibai: the output in " + options.out_dir +
                                    " is complete and new; the " + what + " " + path + " was not written");
        }
    };
    write_side_file(options.dump_layout, dump_relative, "layout dump", dump_text);
    write_side_file(options.depfile, depfile_relative, "depfile", depfile_body);
    lap("commit");
    changes.ms = ms_since(start);
    write_side_file(options.report, "", "change report", change_report_json(changes));
    if (options.verbose) print_files(described, err);
    described.changes = changes;
    for (std::size_t i = 0; i < described.slides.size() && i < slide_outputs.size(); ++i)
        described.slides[i].key = slide_outputs[i].key;
    if (result) *result = std::move(described);

    print_summary(diags, err, options.quiet);
    if (!options.quiet) {
        print_change_report(changes, err);
        char buf[160];
        std::snprintf(buf, sizeof buf, "%zu slide%s, %zu handout page%s -> %s (layout %.0f ms, total %.0f ms)\n",
                      deck->slides.size(), deck->slides.size() == 1 ? "" : "s",
                      handout_pages, handout_pages == 1 ? "" : "s", options.out_dir.c_str(), layout_ms, ms_since(start));
        err << buf;
    }
    return kExitOk;
}

}  // namespace ks
