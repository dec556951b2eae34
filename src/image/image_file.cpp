#include "image/image_file.h"

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include <png.h>

#include "image/jpeg_image.h"
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

std::string over_budget(double w, double h, std::uint64_t max_pixels) {
    std::uint64_t pixels = std::uint64_t(w) * std::uint64_t(h);
    return "the image is " + std::to_string(std::uint64_t(w)) + "x" + std::to_string(std::uint64_t(h)) + " (" +
           std::to_string(pixels / 1'000'000) + " megapixels), more than the limit of " +
           std::to_string(max_pixels / 1'000'000) + " megapixels";
}

// libpng reports errors by longjmp: the state it jumps over is kept out of
// the frame (no destructors skipped).
struct PngReadState {
    std::jmp_buf jump;
    std::string message;
    std::string_view data;
    std::size_t offset = 0;
    std::vector<png_byte> row;
};

void png_fail(png_structp png, png_const_charp message) {
    auto* state = static_cast<PngReadState*>(png_get_error_ptr(png));
    state->message = message ? message : "unknown libpng error";
    std::longjmp(state->jump, 1);
}

void png_ignore_warning(png_structp, png_const_charp) {}

void png_read_memory(png_structp png, png_bytep out, png_size_t n) {
    auto* state = static_cast<PngReadState*>(png_get_io_ptr(png));
    if (state->data.size() - state->offset < n) png_error(png, "truncated");
    std::memcpy(out, state->data.data() + state->offset, n);
    state->offset += n;
}

// Decodes every row (memory: one row) to prove the data is whole.
ImageCheck check_png_bytes(const std::string& bytes, std::uint64_t max_pixels) {
    ImageCheck result;
    auto info = png_header(bytes, result.problem);
    if (!info) return result;
    if (std::uint64_t(info->width) * std::uint64_t(info->height) > max_pixels) {
        result.problem = over_budget(info->width, info->height, max_pixels);
        return result;
    }
    PngReadState state;
    state.data = bytes;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, png_fail, png_ignore_warning);
    png_infop png_info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !png_info) {
        png_destroy_read_struct(png ? &png : nullptr, nullptr, nullptr);
        result.problem = "libpng could not start";
        return result;
    }
    if (setjmp(state.jump)) {
        png_destroy_read_struct(&png, &png_info, nullptr);
        result.problem = state.message == "truncated" ? "PNG data is truncated" : "PNG data is corrupt: " + state.message;
        return result;
    }
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_set_read_fn(png, &state, png_read_memory);
    png_read_info(png, png_info);
    png_set_expand(png);
    png_set_strip_16(png);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, png_info);
    state.row.resize(png_get_rowbytes(png, png_info));
    const png_uint_32 height = png_get_image_height(png, png_info);
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, state.row.data(), nullptr);
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &png_info, nullptr);
    result.info = info;
    return result;
}

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

ImageCheck check_image_bytes(const std::string& bytes, std::uint64_t max_pixels) {
    ImageCheck result;
    switch (sniff_image_format(bytes)) {
        case ImageFormat::Png:
            return check_png_bytes(bytes, max_pixels);
        case ImageFormat::Jpeg:
            if (auto pixels = decode_jpeg(bytes, max_pixels, result.problem))
                result.info = ImageInfo{ImageFormat::Jpeg, double(pixels->width), double(pixels->height)};
            return result;
        case ImageFormat::Svg:
            if (auto svg = SvgImage::parse(bytes, result.problem))
                result.info = ImageInfo{ImageFormat::Svg, svg->width(), svg->height()};
            return result;
        case ImageFormat::Unknown:
            result.problem = unknown_format_problem(bytes);
            return result;
    }
    return result;
}

ImageCheck check_image(const std::string& path, std::uint64_t max_pixels) {
    std::string why;
    auto bytes = read_file(path, &why);  // regular files only: a FIFO or a folder is refused, never waited on
    if (!bytes) {
        ImageCheck result;
        result.problem = why.empty() ? "the file cannot be opened" : why;
        return result;
    }
    return check_image_bytes(*bytes, max_pixels);
}

}  // namespace ks
