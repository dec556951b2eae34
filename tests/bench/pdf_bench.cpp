// What the two PDF writers cost on the seed deck (issue 21: they are the
// critical path of a one-bullet rebuild): the deck goes through the build's
// stages once (app/build_stages.h), then each benchmark writes one file the
// way the build's export tasks do, into a temporary folder. slides.pdf is
// Cairo's drawing plus the accessibility pass (libqpdf), measured whole and
// the pass alone; handout.pdf is the default 3-up handout through libharu.
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

}  // namespace

BENCHMARK_MAIN();
