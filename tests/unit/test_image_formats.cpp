// PNG, JPEG and SVG told by their first bytes, sized and decoded; every
// broken file named with what is wrong with it.
#include <gtest/gtest.h>

#include <cairo.h>
#include <turbojpeg.h>

#include <filesystem>
#include <fstream>

#include "image/image_file.h"
#include "image/jpeg_image.h"
#include "image/svg_image.h"
#include "outline/outline_loader.h"

using namespace ks;

namespace {

// A baseline JPEG of w x h pixels: left half red, right half blue.
std::string make_jpeg(int w, int h) {
    std::vector<unsigned char> rgb(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &rgb[(std::size_t(y) * w + x) * 3];
            p[0] = x < w / 2 ? 220 : 20;
            p[1] = 30;
            p[2] = x < w / 2 ? 20 : 220;
        }
    tjhandle tj = tjInitCompress();
    unsigned char* out = nullptr;
    unsigned long size = 0;
    EXPECT_EQ(tjCompress2(tj, rgb.data(), w, w * 3, h, TJPF_RGB, &out, &size, TJSAMP_444, 90, 0), 0);
    std::string bytes(reinterpret_cast<char*>(out), size);
    tjFree(out);
    tjDestroy(tj);
    return bytes;
}

std::string write_temp(const std::string& name, const std::string& bytes) {
    auto path = std::filesystem::temp_directory_path() / ("ks-imgfmt-" + name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

const std::string kSvg =
    "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
    "<rect width=\"100\" height=\"100\" fill=\"#ff0000\"/><rect x=\"100\" width=\"100\" height=\"100\" fill=\"#0000ff\"/></svg>";

}  // namespace

TEST(ImageFormats, SniffedFromFirstBytesNotTheName) {
    EXPECT_EQ(sniff_image_format(make_jpeg(8, 8)), ImageFormat::Jpeg);
    EXPECT_EQ(sniff_image_format(std::string("\x89PNG\r\n\x1a\n", 8)), ImageFormat::Png);
    EXPECT_EQ(sniff_image_format(kSvg), ImageFormat::Svg);
    EXPECT_EQ(sniff_image_format("\xEF\xBB\xBF  <svg xmlns=\"http://www.w3.org/2000/svg\"/>"), ImageFormat::Svg);
    EXPECT_EQ(sniff_image_format("GIF89a...."), ImageFormat::Unknown);
    EXPECT_EQ(sniff_image_format("<html><body></body></html>"), ImageFormat::Unknown);
    // A JPEG saved as .png is still a JPEG.
    auto info = probe_image(write_temp("jpeg-named.png", make_jpeg(40, 24)));
    ASSERT_TRUE(info);
    EXPECT_EQ(info->format, ImageFormat::Jpeg);
    EXPECT_EQ(info->width, 40);
    EXPECT_EQ(info->height, 24);
}

TEST(ImageFormats, JpegDecodesToItsPixels) {
    std::string problem;
    auto pixels = decode_jpeg(make_jpeg(64, 32), kImagePixelBudget, problem);
    ASSERT_TRUE(pixels) << problem;
    EXPECT_EQ(pixels->width, 64);
    EXPECT_EQ(pixels->height, 32);
    const auto* left = &pixels->rgb[(16 * 64 + 8) * 3];
    const auto* right = &pixels->rgb[(16 * 64 + 56) * 3];
    EXPECT_NEAR(left[0], 220, 8);
    EXPECT_NEAR(left[2], 20, 8);
    EXPECT_NEAR(right[0], 20, 8);
    EXPECT_NEAR(right[2], 220, 8);
    EXPECT_TRUE(check_image_bytes(make_jpeg(64, 32)).info);
}

TEST(ImageFormats, TruncatedJpegIsNamedTruncated) {
    std::string jpeg = make_jpeg(128, 128);
    auto check = check_image_bytes(jpeg.substr(0, jpeg.size() / 2));
    EXPECT_FALSE(check.info);
    EXPECT_EQ(check.problem, "JPEG data is truncated");
    // Cut inside the header: still "truncated", never "cannot read".
    check = check_image_bytes(jpeg.substr(0, 20));
    EXPECT_FALSE(check.info);
    EXPECT_NE(check.problem.find("JPEG data is truncated"), std::string::npos) << check.problem;
}

TEST(ImageFormats, JpegOverThePixelBudgetIsRefusedBeforeDecoding) {
    auto check = check_image_bytes(make_jpeg(100, 100), 5'000);
    EXPECT_FALSE(check.info);
    EXPECT_NE(check.problem.find("100x100"), std::string::npos) << check.problem;
    EXPECT_NE(check.problem.find("more than the limit"), std::string::npos);
}

TEST(ImageFormats, UnknownFormatNamesItsFirstBytes) {
    auto gif = check_image_bytes(std::string("GIF89a\x01\x00\x01\x00", 10));
    EXPECT_FALSE(gif.info);
    EXPECT_EQ(gif.problem, "not a PNG, JPEG or SVG file (starts with bytes 47 49 46 38: a GIF)");
    auto text = check_image_bytes("hello");
    EXPECT_EQ(text.problem, "not a PNG, JPEG or SVG file (starts with bytes 68 65 6c 6c)");
    EXPECT_EQ(check_image_bytes("").problem, "the file is empty");
}

TEST(ImageFormats, SvgSizeFromWidthHeightOrViewBox) {
    auto sized = check_image_bytes(kSvg);
    ASSERT_TRUE(sized.info) << sized.problem;
    EXPECT_EQ(sized.info->format, ImageFormat::Svg);
    EXPECT_DOUBLE_EQ(sized.info->width, 200);
    EXPECT_DOUBLE_EQ(sized.info->height, 100);
    auto viewbox = check_image_bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 30 90\"/>");
    ASSERT_TRUE(viewbox.info) << viewbox.problem;
    EXPECT_DOUBLE_EQ(viewbox.info->width, 30);
    EXPECT_DOUBLE_EQ(viewbox.info->height, 90);
    auto mm = check_image_bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"25.4mm\" height=\"12.7mm\"/>");
    ASSERT_TRUE(mm.info) << mm.problem;
    EXPECT_NEAR(mm.info->width, 96, 1e-3);  // CSS px at 96 dpi
    EXPECT_NEAR(mm.info->height, 48, 1e-3);
}

TEST(ImageFormats, BrokenSvgSaysWhy) {
    auto syntax = check_image_bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect></svg>");
    EXPECT_FALSE(syntax.info);
    EXPECT_EQ(syntax.problem.rfind("SVG does not parse: ", 0), 0u) << syntax.problem;
    EXPECT_GT(syntax.problem.size(), std::string("SVG does not parse: ").size());
    auto zero = check_image_bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"40\"/>");
    EXPECT_FALSE(zero.info);
    EXPECT_NE(zero.problem.find("zero size"), std::string::npos) << zero.problem;
    auto sizeless = check_image_bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" height=\"5\"/></svg>");
    EXPECT_FALSE(sizeless.info);
    EXPECT_NE(sizeless.problem.find("SVG has no size"), std::string::npos) << sizeless.problem;
}

TEST(ImageFormats, SvgRendersAsItsDrawing) {
    std::string problem;
    auto svg = SvgImage::parse(kSvg, problem);
    ASSERT_TRUE(svg) << problem;
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 20);
    cairo_t* cr = cairo_create(s);
    EXPECT_TRUE(svg->render(cr, 0, 0, 40, 20));
    cairo_destroy(cr);
    cairo_surface_flush(s);
    auto px = [&](int x, int y) {
        return reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(s) +
                                                      y * cairo_image_surface_get_stride(s))[x] & 0xffffff;
    };
    EXPECT_EQ(px(5, 10), 0xff0000u);
    EXPECT_EQ(px(35, 10), 0x0000ffu);
    cairo_surface_destroy(s);
}

TEST(ImageFormats, LoaderReportsABrokenImageAtItsPosition) {
    std::string jpeg = make_jpeg(64, 64);
    write_temp("cut.jpg", jpeg.substr(0, jpeg.size() / 2));
    write_temp("anim.gif", "GIF89a\x01\x00\x01\x00");
    write_temp("bad.svg", "<svg><g></svg>");
    write_temp("good.svg", kSvg);
    std::string dir = std::filesystem::temp_directory_path().string();
    Diagnostics d;
    auto deck = load_outline_from_string(dir + "/deck.xml",
                                         "<deck><slide id=\"a\"><title>t</title>\n"
                                         "  <image src=\"ks-imgfmt-cut.jpg\" alt=\"a\"/>\n"
                                         "  <image src=\"ks-imgfmt-anim.gif\" alt=\"b\"/>\n"
                                         "  <image src=\"ks-imgfmt-bad.svg\" alt=\"c\"/>\n"
                                         "  <image src=\"ks-imgfmt-good.svg\" alt=\"d\"/></slide></deck>",
                                         d);
    ASSERT_EQ(d.error_count(), 3u);
    const auto& items = d.items();
    EXPECT_EQ(items[0].where.line, 2);
    EXPECT_EQ(items[0].where.column, 3);
    EXPECT_NE(items[0].message.find("ks-imgfmt-cut.jpg"), std::string::npos);
    EXPECT_NE(items[0].message.find("JPEG data is truncated"), std::string::npos) << items[0].message;
    EXPECT_EQ(items[1].where.line, 3);
    EXPECT_NE(items[1].message.find("a GIF"), std::string::npos) << items[1].message;
    EXPECT_EQ(items[2].where.line, 4);
    EXPECT_NE(items[2].message.find("SVG does not parse"), std::string::npos) << items[2].message;
    ASSERT_TRUE(deck);
    const auto& good = std::get<Image>(deck->slides[0].blocks[3]);
    EXPECT_EQ(good.format, ImageFormat::Svg);
}

TEST(ImageFormats, TruncatedOrCorruptPngSaysSo) {
    auto path = std::filesystem::temp_directory_path() / "ks-imgfmt-whole.png";
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 300, 200);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.2, 0.5, 0.8);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_write_to_png(s, path.c_str());
    cairo_surface_destroy(s);
    std::ifstream in(path, std::ios::binary);
    std::string png((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto whole = check_image_bytes(png);
    ASSERT_TRUE(whole.info) << whole.problem;
    EXPECT_EQ(whole.info->width, 300);
    auto cut = check_image_bytes(png.substr(0, png.size() - 30));
    EXPECT_FALSE(cut.info);
    EXPECT_EQ(cut.problem, "PNG data is truncated");
    std::string flipped = png;
    flipped[flipped.size() / 2] ^= 0x55;  // inside the compressed data: a CRC or zlib error
    auto corrupt = check_image_bytes(flipped);
    EXPECT_FALSE(corrupt.info);
    EXPECT_EQ(corrupt.problem.rfind("PNG data is corrupt: ", 0), 0u) << corrupt.problem;
}
