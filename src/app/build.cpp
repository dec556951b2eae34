#include "app/build.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <thread>

#include "app/depfile.h"
#include "app/layout_choice.h"
#include "app/progress.h"
#include "app/slides_document.h"
#include "export/cairo/slide_exporter.h"
#include "export/pdf/hpdf_writer.h"
#include "layout/font_families.h"
#include "layout/layout_dump.h"
#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "output/atomic_output.h"
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
    for (const auto& d : diags.items())
        if (!quiet || d.severity != Severity::Note) err << format_diagnostic(d);
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

}  // namespace

std::string default_layouts_file() { return (fs::path(data_dir()) / "layouts" / "briefing.xml").string(); }
std::string default_fonts_dir() { return (fs::path(data_dir()) / "fonts").string(); }

int run_build(const BuildOptions& options, std::ostream& err, BuildResult* result) {
    auto start = Clock::now();
    Diagnostics diags;
    auto deck = load_outline(options.outline, diags);
    auto layouts_file = layouts_file_for(options.layouts, deck ? *deck : Deck{}, diags);
    auto set = layouts_file ? load_layout_set(*layouts_file, diags) : std::nullopt;
    if (deck && set) check_layout_names(*deck, *set, diags);
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
    HandoutOptions handout_options = options.handout;
    if (auto sans = set->fonts.find("sans"); sans != set->fonts.end()) handout_options.font_family = sans->second;
    if (auto mono = set->fonts.find("mono"); mono != set->fonts.end()) handout_options.mono_family = mono->second;
    if (!options.write_outputs) handout_options.style = "notes";  // the style that sets every note
    const Document handout = impose_handout(*deck, slides_doc, text, handout_options, diags);
    double layout_ms = ms_since(start);
    if (options.strict) diags = warnings_as_errors(diags);
    if (options.write_outputs && diags.has_errors()) {
        print_summary(diags, err, options.quiet);
        err << "kamishibai: nothing written; the previous output is unchanged\n";
        return kExitInput;
    }

    if (!options.write_outputs) {
        print_summary(diags, err, options.quiet);
        if (!options.quiet) err << options.outline << ": " << deck->slides.size() << " slides, ok\n";
        return diags.has_errors() ? kExitInput : kExitOk;
    }

    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

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
        err << "  read " << options.outline << ": " << deck->slides.size() << " slides, " << handout.pages.size()
            << " handout pages\n";
    AtomicOutput out;
    fs::path out_dir(options.out_dir);
    fs::create_directories(out_dir);
    CairoPainter painter;

    // The exporters below only read Documents and run in parallel.
    const HpdfOptions handout_render{options.handout.grayscale};
    const PngOptions png_render{options.png_scale};
    std::string handout_path = out.file(out_dir / "handout.pdf").string();
    std::string slides_pdf_path = out.file(out_dir / "slides.pdf").string();
    fs::path png_dir = out.directory(out_dir / "slides");
    Diagnostics handout_diags;

    // CPU time of each kind of task, for --timings.
    std::atomic<long long> handout_us{0}, slides_pdf_us{0}, png_us{0};
    auto timed = [](std::atomic<long long>& total, auto&& work) {
        auto t = Clock::now();
        work();
        total += std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t).count();
    };
    std::vector<std::function<void()>> tasks;  // longest first
    tasks.push_back([&] { timed(handout_us, [&] { write_handout_pdf(handout, handout_render, handout_path, handout_diags); }); });
    tasks.push_back([&] { timed(slides_pdf_us, [&] { write_cairo_pdf(painter, slides_doc, slides_pdf_path); }); });
    const std::size_t slide_count = slides_doc.pages.size();
    Progress progress(slide_count, !options.quiet && stderr_is_terminal());
    for (std::size_t i = 0; i < slide_count; ++i)
        tasks.push_back([&, i] {
            timed(png_us, [&] {
                write_page_png(painter, slides_doc, i, (png_dir / slide_png_name(i, slide_count)).string(), png_render);
            });
            progress.step();
        });
    run_parallel(tasks, threads);
    progress.finish();
    diags.append(handout_diags);
    if (options.timings) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "    handout.pdf %7.1f ms, slides.pdf %7.1f ms, PNGs %7.1f ms (CPU, %u threads)\n",
                      handout_us / 1000.0, slides_pdf_us / 1000.0, png_us / 1000.0, threads);
        err << buf;
    }
    lap("export");

    if (!options.dump_layout.empty()) write_text_file(out.file(options.dump_layout), layout_dump_json(slides));
    BuildResult described = describe_build(options, *deck, &*set);
    if (!options.depfile.empty()) write_text_file(out.file(options.depfile), depfile_text(described));
    out.commit();
    lap("commit");
    if (options.verbose) print_files(described, err);
    if (result) *result = std::move(described);

    print_summary(diags, err, options.quiet);
    if (!options.quiet) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%zu slides, %zu handout pages -> %s (layout %.0f ms, total %.0f ms)\n",
                      deck->slides.size(), handout.pages.size(), options.out_dir.c_str(), layout_ms, ms_since(start));
        err << buf;
    }
    return kExitOk;
}

}  // namespace ks
