// Every handout style, imposed from a synthetic deck (plain slide frames, so
// the result does not move when the slide theme changes), written through
// libharu, rendered by poppler and compared with a golden raster.
// KS_UPDATE_GOLDEN=1 rewrites tests/golden/impose/synthetic-*.png (the impose
// stage's pixels; tests/unit/golden.h); look at them before committing.
#include <gtest/gtest.h>

#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/slides_document.h"
#include "export/pdf/hpdf_writer.h"
#include "golden.h"
#include "handout/handout_imposer.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace ks;

namespace {

struct Gray {
    unsigned w = 0, h = 0;
    std::vector<unsigned char> px;
};

bool read_png(const std::string& path, Gray& g) {
    png_image pi{};
    pi.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&pi, path.c_str())) return false;
    pi.format = PNG_FORMAT_GRAY;
    g.w = pi.width;
    g.h = pi.height;
    g.px.resize(PNG_IMAGE_SIZE(pi));
    return png_image_finish_read(&pi, nullptr, g.px.data(), 0, nullptr) != 0;
}

bool write_png(const std::string& path, const Gray& g) {
    png_image pi{};
    pi.version = PNG_IMAGE_VERSION;
    pi.width = g.w;
    pi.height = g.h;
    pi.format = PNG_FORMAT_GRAY;
    return png_image_write_to_file(&pi, path.c_str(), 0, g.px.data(), 0, nullptr) != 0;
}

std::shared_ptr<const Frame> synthetic_slide(std::size_t i) {
    auto f = std::make_shared<Frame>();
    f->width = 960;
    f->height = 540;
    f->background = Color{0.96, 0.96, 0.98, 1};
    Shape bar;
    bar.w = 960;
    bar.h = 90;
    bar.fill = Color{0.10, 0.22, 0.45, 1};
    f->push({0, 0}, bar);
    TextStyle st;
    st.size = 44;
    st.color = Color{1, 1, 1, 1};
    const TextBlock title = test::engine().set(plain_text("見出し " + std::to_string(i + 1)), st, 880);
    for (const auto& l : title.lines)
        for (const auto& r : l.runs) f->push({40 + r.origin.x, 12 + r.origin.y}, r.run);
    for (int k = 0; k < 4; ++k) {  // bullets as bars of varying length
        Shape b;
        b.w = 300 + 120.0 * ((i + k) % 4);
        b.h = 26;
        b.corner_radius = 6;
        b.fill = Color{0.55, 0.6, 0.7, 1};
        f->push({60, 150 + 80.0 * k}, b);
    }
    return f;
}

struct Synthetic {
    Deck deck;
    std::vector<std::shared_ptr<const Frame>> frames;
};

Synthetic make_synthetic() {
    Deck deck;
    deck.meta.title = "ゴールデン画像の確認用資料";
    deck.meta.date = "2025-06-26";
    deck.meta.confidentiality = "社外秘";
    std::vector<std::shared_ptr<const Frame>> frames;
    for (std::size_t i = 0; i < 11; ++i) {
        Slide s;
        s.id = "s" + std::to_string(i + 1);
        s.title = plain_text("見出し " + std::to_string(i + 1));
        s.notes = plain_text("発表者ノートの例です。要点を三つ説明し、質疑に備えます。");
        ListItem item;
        item.text = plain_text("箇条書きの項目です。");
        List list;
        list.items = {item, item};
        s.blocks.push_back(list);
        deck.slides.push_back(s);
        frames.push_back(synthetic_slide(i));
    }
    deck.sections = {{"第一部", 1, 5, {}}, {"第二部", 6, 4, {}}};
    for (const auto& sec : deck.sections)
        for (std::size_t i = sec.first_slide; i < sec.first_slide + sec.slide_count; ++i)
            deck.slides[i].section = sec.title;
    return Synthetic{std::move(deck), std::move(frames)};
}

const Synthetic& synthetic() {
    static const Synthetic s = make_synthetic();
    return s;
}

}  // namespace

class HandoutRasterGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(HandoutRasterGolden, MatchesItsGoldenRaster) {
    const Deck& deck = synthetic().deck;
    const auto& frames = synthetic().frames;
    const std::string style = GetParam();
    const fs::path tmp = fs::temp_directory_path() / ("ks_handout_golden_" + std::to_string(::getpid()) + "_" + style);
    fs::create_directories(tmp);
    const fs::path golden_dir = test::golden_path("impose", "");
    const bool update = test::updating_goldens();
    {
        HandoutOptions o;
        o.style = style;
        Diagnostics diags;
        Document slides = slides_document(deck, frames, document_timestamp(deck.meta.date, nullptr));
        slides.info.author.clear();
        slides.info.subject.clear();
        const Document doc = impose_handout(deck, slides, test::engine(), o, diags);
        const fs::path pdf = tmp / (std::string(style) + ".pdf");
        write_handout_pdf(doc, {}, pdf.string(), diags);
        EXPECT_EQ(diags.warning_count(), 0u) << style;
        const int page = doc.pages.size() >= 2 ? 2 : 1;
        const fs::path stem = tmp / style;
        const std::string cmd = "pdftoppm -r 40 -gray -png -singlefile -f " + std::to_string(page) + " -l " +
                                std::to_string(page) + " '" + pdf.string() + "' '" + stem.string() + "'";
        ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
        Gray got;
        ASSERT_TRUE(read_png(stem.string() + ".png", got)) << style;
        const fs::path golden = golden_dir / ("synthetic-" + std::string(style) + ".png");
        if (update) {
            fs::create_directories(golden_dir);
            ASSERT_TRUE(write_png(golden.string(), got));
            fs::remove_all(tmp);
            return;
        }
        Gray want;
        ASSERT_TRUE(read_png(golden.string(), want)) << "no golden " << golden << " (KS_UPDATE_GOLDEN=1)";
        ASSERT_EQ(got.w, want.w) << style;
        ASSERT_EQ(got.h, want.h) << style;
        double total = 0;
        std::size_t big = 0;
        for (std::size_t i = 0; i < got.px.size(); ++i) {
            const int d = std::abs(int(got.px[i]) - int(want.px[i]));
            total += d;
            big += d > 64;
        }
        const double mean = total / got.px.size(), share = double(big) / got.px.size();
        EXPECT_LE(mean, 0.6) << "style " << style << ": mean grey difference " << mean;
        EXPECT_LE(share, 0.003) << "style " << style << ": " << 100 * share << "% of pixels differ";
        if (mean > 0.6 || share > 0.003) write_png((fs::temp_directory_path() / ("handout-synthetic-" + std::string(style) + ".png")).string(), got);
    }
    fs::remove_all(tmp);
}

INSTANTIATE_TEST_SUITE_P(golden, HandoutRasterGolden,
                         ::testing::Values("1", "2", "3", "4", "6", "9", "notes", "outline"));
