// libFuzzer target: an outline through the whole pipeline and every
// exporter: pagination, layout, the slides Document, the handout imposer,
// the PNG and PDF writers (Cairo and libharu), the text and layout dumps.
// Exporters write files, so they write into one private temporary folder.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "app/slides_document.h"
#include "export/cairo/cairo_painter.h"
#include "export/cairo/slide_exporter.h"
#include "export/dump/layout_dump.h"
#include "export/dump/text_dump.h"
#include "export/pdf/hpdf_writer.h"
#include "fuzz_world.h"
#include "handout/handout_imposer.h"
#include "layout/paginate.h"
#include "layout/slide_layout.h"

namespace {

// The shared world plus a painter and a private folder for the files.
struct ExportWorld : ks::fuzz::World {
    ks::CairoPainter painter;
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ks-fuzz-export-" + std::to_string(::getpid()));
    ExportWorld() { std::filesystem::create_directories(dir); }
    ~ExportWorld() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static ExportWorld world;
    if (size > 16 * 1024) return 0;  // every exporter runs per input; keep runs short
    ks::Diagnostics diags;
    auto deck = ks::fuzz::load_deck(data, size, diags);
    if (!deck) return 0;  // build stops here too
    ks::Deck pages = ks::paginate(*deck, world.set, world.text, diags);
    if (diags.has_errors() || pages.slides.size() > 40) return 0;
    std::vector<std::shared_ptr<const ks::Frame>> frames;
    for (std::size_t i = 0; i < pages.slides.size(); ++i)
        frames.push_back(ks::layout_slide(pages, i, world.set, world.text).frame);
    const ks::Document slides = ks::slides_document(pages, std::move(frames), ks::document_timestamp("", nullptr));
    (void)ks::layout_dump_json(slides);
    (void)ks::dump_document(slides);
    ks::HandoutOptions options;
    options.style = size % 2 ? "3" : "outline";
    const ks::Document handout = ks::impose_handout(pages, slides, world.text, options, diags);
    (void)ks::dump_document(handout);
    ks::write_page_png(world.painter, slides, 0, (world.dir / "page.png").string(), ks::PngOptions{0.25});
    ks::write_cairo_pdf(world.painter, slides, (world.dir / "slides.pdf").string());
    ks::write_handout_pdf(handout, ks::HpdfOptions{size % 3 == 0}, (world.dir / "handout.pdf").string(), diags);
    return 0;
}
