// The image service: decoded once within the bound, rows reduced as they
// stream, a changed file read again, the SVG limits.
#include <gtest/gtest.h>

#include <cairo.h>
#include <filesystem>
#include <fstream>

#include "image/image_store.h"
#include "image/png_image.h"
#include "image/rgba_image.h"
#include "image/svg_image.h"

using namespace ks;

namespace {

std::filesystem::path temp(const std::string& name) {
    return std::filesystem::temp_directory_path() / ("ks-store-" + name);
}

// Left half red, right half transparent.
std::string write_png(const std::string& name, int w, int h) {
    auto path = temp(name);
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_rectangle(cr, 0, 0, w / 2.0, h);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_write_to_png(s, path.c_str());
    cairo_surface_destroy(s);
    return path.string();
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST(ImageStore, BoundIsTheSlideAtScaleOrThreeHundredDpi) {
    PixelBound pdf = pixel_bound(960, 540, 2);  // 300 dpi wins over 2 px/pt
    EXPECT_EQ(pdf.width, 4000);
    EXPECT_EQ(pdf.height, 2250);
    PixelBound png = pixel_bound(960, 540, 8);
    EXPECT_EQ(png.width, 7680);
}

TEST(ImageStore, ReductionKeepsAtLeastTheNeededPixels) {
    EXPECT_EQ(reduction_factor(4000, 2000, {4000, 2250}), 1);
    EXPECT_EQ(reduction_factor(7000, 7000, {4000, 2250}), 3);  // needs 2250 of 7000: 2334 kept
    EXPECT_EQ(reduction_factor(100, 100, {10, 10}), 10);
}

TEST(ImageStore, PngRowsAreReducedAsTheyStream) {
    std::string problem;
    auto px = decode_png(read(write_png("reduce.png", 400, 200)), {100, 100}, problem);
    ASSERT_TRUE(px) << problem;
    EXPECT_EQ(px->width, 100);  // k = 4
    EXPECT_EQ(px->height, 50);
    // Left: opaque red; right: transparent; no dark fringe from averaging
    // transparent black into the colour.
    const std::uint8_t* left = &px->rgba[(25 * 100 + 10) * 4];
    EXPECT_EQ(left[0], 255);
    EXPECT_EQ(left[3], 255);
    const std::uint8_t* right = &px->rgba[(25 * 100 + 90) * 4];
    EXPECT_EQ(right[3], 0);
}

TEST(ImageStore, AnUnchangedFileIsDecodedOnceAChangedOneAgain) {
    ImageStore& store = ImageStore::shared();
    store.set_bound({4000, 2250});
    std::string path = write_png("same.png", 64, 32), problem;
    auto first = store.load(path, 50'000'000, problem);
    ASSERT_TRUE(first) << problem;
    EXPECT_EQ(first->width, 64);
    EXPECT_EQ(store.load(path, 50'000'000, problem), first);  // the same decode
    EXPECT_EQ(store.find(path), first);
    write_png("same.png", 80, 32);  // edited
    EXPECT_EQ(store.find(path), nullptr);
    auto second = store.load(path, 50'000'000, problem);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->width, 80);
    EXPECT_NE(second->file_hash, first->file_hash);
    // The pixel limit applies to a stored image too.
    EXPECT_EQ(store.load(path, 1000, problem), nullptr);
    EXPECT_NE(problem.find("more than the limit"), std::string::npos) << problem;
}

TEST(ImageStore, AJpegKeepsItsOwnBytes) {
    // A 16x8 JPEG from Cairo's pixels via libjpeg-turbo is not at hand here;
    // the seed fixture is.
    std::string path = std::string(KS_TEST_DATA_DIR) + "/fixtures/decks/elements/site.jpg", problem;
    auto image = ImageStore::shared().load(path, 50'000'000, problem);
    ASSERT_TRUE(image) << problem;
    EXPECT_EQ(image->format, ImageFormat::Jpeg);
    EXPECT_EQ(image->jpeg, read(path));
    EXPECT_GT(image->pixels.width, 0);
}

TEST(ImageStore, AnSvgOverTheElementLimitSaysHowToFixIt) {
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">";
    for (std::size_t i = 0; i < kMaxSvgElements; ++i) svg += "<rect width=\"1\" height=\"1\"/>";
    svg += "</svg>";
    EXPECT_EQ(count_svg_elements(svg), kMaxSvgElements + 1);
    std::string problem;
    EXPECT_FALSE(load_svg(svg, {100, 100}, problem));
    EXPECT_NE(problem.find("elements, more than the limit"), std::string::npos) << problem;
    EXPECT_NE(problem.find("simplify"), std::string::npos) << problem;
    std::string small = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\"><rect width=\"20\" height=\"10\" fill=\"#00f\"/></svg>";
    auto ok = load_svg(small, {100, 100}, problem);
    ASSERT_TRUE(ok) << problem;
    EXPECT_EQ(ok->raster.width, 100);  // drawn to fit the bound, aspect kept
    EXPECT_EQ(ok->raster.height, 50);
    EXPECT_EQ(ok->raster.rgba[2], 255);  // blue
}

// slides.pptx embeds a PNG or SVG as the file is: the service hands out the
// bytes it read, kept when the build said so beforehand, else read once more.
TEST(ImageStore, KeepsTheFileBytesForExportersThatEmbedThem) {
    ImageStore store;
    const std::string path = write_png("bytes.png", 40, 20);
    const std::string file = read(path);
    std::string problem;
    auto plain = store.load(path, 1'000'000, problem);
    ASSERT_TRUE(plain) << problem;
    EXPECT_TRUE(plain->file_bytes.empty()) << "bytes are kept only when asked for";
    auto with = store.get_with_bytes(path, problem);
    ASSERT_TRUE(with) << problem;
    EXPECT_EQ(with->file_bytes, file);
    EXPECT_EQ(store.get_with_bytes(path, problem), with) << "read again only while it had no bytes";

    ImageStore kept;
    kept.keep_file_bytes(true);
    auto first = kept.load(path, 1'000'000, problem);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->file_bytes, file);
    EXPECT_EQ(kept.get_with_bytes(path, problem), first) << "kept from the first read: not read again";
    EXPECT_FALSE(kept.get_with_bytes(temp("missing.png").string(), problem));
    EXPECT_FALSE(problem.empty());
}
