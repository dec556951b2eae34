// What the two PDF writers cost on the seed deck (issue 21: they are the
// critical path of a one-bullet rebuild): the deck goes through the build's
// stages once (app/build_stages.h), then each benchmark writes one file the
// way the build's export tasks do, into a temporary folder. slides.pdf is
// Cairo's drawing plus the accessibility pass (libqpdf), measured whole and
// the pass alone; handout.pdf is the default 3-up handout through libharu.
// The slide PNGs too: every slide drawn and encoded, and the encoding alone
// (export/cairo/png_writer.h) of the same slides drawn once.
//
//   build/release/tests/bench_pdf_export [--benchmark_repetitions=7 --benchmark_report_aggregates_only=true]
//   KS_BENCH_DECK=path/to/deck.xml for another outline.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "app/build_stages.h"
#include "export/cairo/cairo_painter.h"
#include "export/cairo/slide_exporter.h"
#include "export/cairo/png_writer.h"
#include "export/pdf/hpdf_writer.h"
#include "util/read_file.h"

namespace {

using namespace ks;
namespace fs = std::filesystem;

struct Fixture {
    BuildOptions options;
    std::unique_ptr<Typesetter> type;
    Document slides;
    std::vector<Document> handouts;
    CairoPainter painter;
    fs::path dir = fs::temp_directory_path() / ("ks-bench-pdf-" + std::to_string(::getpid()));

    Fixture() {
        const char* deck = std::getenv("KS_BENCH_DECK");
        options.outline = deck ? deck : std::string(KS_SOURCE_DIR) + "/content/deck.xml";
        options.layouts = std::string(KS_SOURCE_DIR) + "/layouts/briefing.xml";
        options.fonts_dir = std::string(KS_SOURCE_DIR) + "/fonts";
        options.write_outputs = false;
        Diagnostics diags;
        const Loaded loaded = load_stage(options, diags);
        if (!loaded.ok()) throw std::runtime_error("the deck did not load");
        type = std::make_unique<Typesetter>(options.fonts_dir);
        const std::optional<Deck> fitted = fit_stage(*loaded.deck, *loaded.set, *type, diags);
        if (!fitted) throw std::runtime_error("the deck did not fit");
        slides = render_stage(*fitted, *loaded.set, *type, diags);
        handouts = impose_stage(*fitted, slides, *loaded.set, *type, options, {HandoutStyle::Three}, diags).handouts;
        if (diags.has_errors() || handouts.empty()) throw std::runtime_error("the deck has errors");
        fs::create_directories(dir);
    }
    ~Fixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_SlidesPdf(benchmark::State& state) {
    Fixture& f = fixture();
    const std::string path = (f.dir / "slides.pdf").string();
    for (auto _ : state) write_cairo_pdf(f.painter, f.slides, path);
    state.counters["bytes"] = static_cast<double>(fs::file_size(path));
}
BENCHMARK(BM_SlidesPdf)->Unit(benchmark::kMillisecond);

void BM_HandoutPdf(benchmark::State& state) {
    Fixture& f = fixture();
    const std::string path = (f.dir / "handout.pdf").string();
    for (auto _ : state) {
        Diagnostics diags;
        write_handout_pdf(f.handouts[0], HpdfOptions{}, path, diags);
    }
    state.counters["bytes"] = static_cast<double>(fs::file_size(path));
}
BENCHMARK(BM_HandoutPdf)->Unit(benchmark::kMillisecond);

void BM_SlidePngs(benchmark::State& state) {
    Fixture& f = fixture();
    const std::string path = (f.dir / "slide.png").string();
    for (auto _ : state)
        for (std::size_t i = 0; i < f.slides.pages.size(); ++i) write_page_png(f.painter, f.slides, i, path, {});
    state.counters["slides"] = static_cast<double>(f.slides.pages.size());
}
BENCHMARK(BM_SlidePngs)->Unit(benchmark::kMillisecond);

void BM_PngEncodeOnly(benchmark::State& state) {
    Fixture& f = fixture();
    // Each slide drawn once, as write_page_png draws it, then only encoded.
    std::vector<std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>> surfaces;
    const fs::path png = f.dir / "drawn.png";
    for (std::size_t i = 0; i < f.slides.pages.size(); ++i) {
        write_page_png(f.painter, f.slides, i, png.string(), {});
        surfaces.emplace_back(cairo_image_surface_create_from_png(png.c_str()), cairo_surface_destroy);
        if (cairo_surface_status(surfaces.back().get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("png");
    }
    const std::string path = (f.dir / "encoded.png").string();
    std::size_t bytes = 0;
    for (auto _ : state) {
        bytes = 0;
        for (auto& s : surfaces) {
            write_png_rgb(s.get(), path);
            bytes += fs::file_size(path);
        }
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_PngEncodeOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
