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
#include "handout/handout_imposer.h"
#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "text/font_context.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

namespace {

struct World {
    ks::FontContext fonts{std::string(KS_SOURCE_DIR) + "/fonts"};
    ks::TextEngine text{fonts};
    ks::LayoutSet set = [] {
        ks::Diagnostics d;
        return *ks::load_layout_set(std::string(KS_SOURCE_DIR) + "/layouts/briefing.xml", d);
    }();
    ks::CairoPainter painter;
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ks-fuzz-export-" + std::to_string(::getpid()));
    World() { std::filesystem::create_directories(dir); }
    ~World() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static World world;
    if (size > 16 * 1024) return 0;  // every exporter runs per input; keep runs short
    ks::Diagnostics diags;
    auto deck = ks::load_outline_from_string(std::string(KS_SOURCE_DIR) + "/content/fuzz.xml",
                                             std::string(reinterpret_cast<const char*>(data), size), diags);
    if (!deck || diags.has_errors()) return 0;  // build stops here too
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
