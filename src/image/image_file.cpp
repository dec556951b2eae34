#include "image/image_file.h"

#include <cstdio>
#include <cstring>
#include <vector>

#include "image/image_store.h"
#include "image/jpeg_image.h"
#include "image/png_image.h"
#include "image/svg_image.h"
#include "util/read_file.h"

namespace ks {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

const std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);

// An SVG is XML text (optionally gzip-compressed, .svgz) whose root is <svg>:
// skip a BOM and white space, then look for "<svg" in the prolog.
bool looks_like_svg(std::string_view head) {
    if (starts_with(head, "\x1f\x8b")) return true;  // gzip: librsvg reads SVGZ
    if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
    std::size_t i = head.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos || head[i] != '<') return false;
    return head.substr(0, 4096).find("<svg") != std::string_view::npos;
}

// Names a few formats people try, so the message says what the file is.
std::string known_other_format(std::string_view h) {
    if (starts_with(h, "GIF8")) return "a GIF";
    if (starts_with(h, "RIFF") && h.size() >= 12 && h.substr(8, 4) == "WEBP") return "a WebP image";
    if (starts_with(h, "BM")) return "a BMP image";
    if (starts_with(h, std::string_view("II*\0", 4)) || starts_with(h, std::string_view("MM\0*", 4))) return "a TIFF image";
    if (starts_with(h, "%PDF")) return "a PDF";
    if (h.size() >= 12 && h.substr(4, 4) == "ftyp") {
        auto brand = h.substr(8, 4);
        if (brand == "heic" || brand == "heix" || brand == "mif1") return "a HEIC image";
        if (brand == "avif") return "an AVIF image";
    }
    if (starts_with(h, "<")) return "text that is not SVG";
    return "";
}

std::uint32_t be32(std::string_view h, std::size_t at) {
    auto p = reinterpret_cast<const unsigned char*>(h.data()) + at;
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

std::optional<ImageInfo> png_header(std::string_view bytes, std::string& problem) {
    if (bytes.size() < 24 || bytes.substr(12, 4) != "IHDR") {
        problem = "PNG data is truncated (the header is incomplete)";
        return std::nullopt;
    }
    std::uint32_t w = be32(bytes, 16), h = be32(bytes, 20);
    if (w == 0 || h == 0 || w > 0x7fffffffu || h > 0x7fffffffu) {
        problem = "the PNG header gives an invalid size";
        return std::nullopt;
    }
    return ImageInfo{ImageFormat::Png, double(w), double(h)};
}

}  // namespace

std::string over_pixel_limit(double w, double h, std::uint64_t max_pixels) {
    std::uint64_t pixels = std::uint64_t(w) * std::uint64_t(h);
    return "the image is " + std::to_string(std::uint64_t(w)) + "x" + std::to_string(std::uint64_t(h)) + " (" +
           std::to_string(pixels / 1'000'000) + " megapixels), more than the limit of " +
           std::to_string(max_pixels / 1'000'000) + " megapixels";
}

namespace {

}  // namespace

ImageFormat sniff_image_format(std::string_view head) {
    if (starts_with(head, kPngSignature)) return ImageFormat::Png;
    if (starts_with(head, "\xFF\xD8\xFF")) return ImageFormat::Jpeg;
    if (looks_like_svg(head)) return ImageFormat::Svg;
    return ImageFormat::Unknown;
}

std::string unknown_format_problem(std::string_view head) {
    if (head.empty()) return "the file is empty";
    std::string bytes;
    for (std::size_t i = 0; i < std::min<std::size_t>(4, head.size()); ++i) {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%s%02x", i ? " " : "", static_cast<unsigned char>(head[i]));
        bytes += hex;
    }
    std::string what = known_other_format(head);
    return "not a PNG, JPEG or SVG file (starts with bytes " + bytes + (what.empty() ? "" : ": " + what) + ")";
}

std::optional<ImageInfo> probe_image(const std::string& path) {
    if (auto stored = ImageStore::shared().find(path)) return ImageInfo{stored->format, stored->width, stored->height};
    auto bytes = read_file(path);
    if (!bytes) return std::nullopt;
    std::string problem;
    switch (sniff_image_format(*bytes)) {
        case ImageFormat::Png:
            return png_header(*bytes, problem);
        case ImageFormat::Jpeg:
            if (auto h = read_jpeg_header(*bytes, problem)) return ImageInfo{ImageFormat::Jpeg, double(h->width), double(h->height)};
            return std::nullopt;
        case ImageFormat::Svg:
            if (auto svg = SvgImage::parse(*bytes, problem)) return ImageInfo{ImageFormat::Svg, svg->width(), svg->height()};
            return std::nullopt;
        case ImageFormat::Unknown:
            break;
    }
    return std::nullopt;
}

std::shared_ptr<StoredImage> decode_image(const std::string& bytes, std::uint64_t max_pixels, PixelBound bound,
                                          std::string& problem) {
    auto image = std::make_shared<StoredImage>();
    image->format = sniff_image_format(bytes);
    std::optional<RgbaImage> pixels;
    std::optional<ImageInfo> info;
    switch (image->format) {
        case ImageFormat::Png:
            info = png_header(bytes, problem);
            break;
        case ImageFormat::Jpeg:
            if (auto h = read_jpeg_header(bytes, problem)) info = ImageInfo{ImageFormat::Jpeg, double(h->width), double(h->height)};
            break;
        case ImageFormat::Svg:
            info = ImageInfo{ImageFormat::Svg, 0, 0};
            break;
        case ImageFormat::Unknown:
            problem = unknown_format_problem(bytes);
            return nullptr;
    }
    if (!info) return nullptr;
    if (image->format != ImageFormat::Svg && info->width * info->height > double(max_pixels)) {
        problem = over_pixel_limit(info->width, info->height, max_pixels);
        return nullptr;
    }
    if (image->format == ImageFormat::Png) pixels = decode_png(bytes, bound, problem);
    if (image->format == ImageFormat::Jpeg) pixels = decode_jpeg_scaled(bytes, bound, problem);
    if (image->format == ImageFormat::Svg) {
        auto svg = load_svg(bytes, bound, problem);
        if (!svg) return nullptr;
        info->width = svg->svg->width();
        info->height = svg->svg->height();
        pixels = std::move(svg->raster);
        image->svg = std::move(svg->svg);
    }
    if (!pixels) return nullptr;
    image->width = info->width;
    image->height = info->height;
    image->pixels = std::move(*pixels);
    return image;
}

ImageCheck check_image_bytes(const std::string& bytes, std::uint64_t max_pixels) {
    ImageCheck result;
    if (auto image = decode_image(bytes, max_pixels, ImageStore::shared().bound(), result.problem))
        result.info = ImageInfo{image->format, image->width, image->height};
    return result;
}

ImageCheck check_image(const std::string& path, std::uint64_t max_pixels) {
    ImageCheck result;
    if (auto image = ImageStore::shared().load(path, max_pixels, result.problem))
        result.info = ImageInfo{image->format, image->width, image->height};
    return result;
}

}  // namespace ks
