#include "layout/image_probe.h"

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <png.h>
#include <unistd.h>

#include "util/read_file.h"

namespace ks {
namespace {

// The first bytes of a regular file (a FIFO is refused, never waited on).
std::optional<std::string> head_of(const std::string& path, std::size_t n, std::string& why) {
    why = regular_file_problem(path);
    if (!why.empty()) return std::nullopt;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        why = std::strerror(errno);
        return std::nullopt;
    }
    std::string bytes(n, '\0');
    ssize_t got = ::read(fd, bytes.data(), n);
    ::close(fd);
    if (got < 0) {
        why = std::strerror(errno);
        return std::nullopt;
    }
    bytes.resize(static_cast<std::size_t>(got));
    return bytes;
}

std::optional<PixelSize> parse_header(const std::string& h, std::string& why) {
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (h.size() < 24 || std::memcmp(h.data(), signature, 8) != 0 || std::memcmp(h.data() + 12, "IHDR", 4) != 0) {
        why = "not a PNG file (only PNG images are supported)";
        return std::nullopt;
    }
    auto be32 = [&](int at) {
        const auto* p = reinterpret_cast<const unsigned char*>(h.data()) + at;
        return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
    };
    std::uint32_t w = be32(16), hh = be32(20);
    // PNG limits both to 2^31-1; zero is invalid.
    if (w == 0 || hh == 0 || w > 0x7fffffffu || hh > 0x7fffffffu) {
        why = "the PNG header gives an invalid size";
        return std::nullopt;
    }
    return PixelSize{static_cast<int>(w), static_cast<int>(hh)};
}

struct ReadState {
    std::jmp_buf jump;
    std::string message;
    std::vector<png_byte> row;  // in memory the longjmp does not touch
};

void on_error(png_structp png, png_const_charp message) {
    auto* state = static_cast<ReadState*>(png_get_error_ptr(png));
    state->message = message ? message : "unknown libpng error";
    std::longjmp(state->jump, 1);
}

void on_warning(png_structp, png_const_charp) {}

}  // namespace

std::optional<PixelSize> probe_png(const std::string& path) {
    std::string why;
    auto head = head_of(path, 24, why);
    if (!head) return std::nullopt;
    return parse_header(*head, why);
}

PngCheck check_png(const std::string& path, std::uint64_t max_pixels) {
    PngCheck result;
    auto head = head_of(path, 24, result.problem);
    if (!head) return result;
    auto size = parse_header(*head, result.problem);
    if (!size) return result;
    std::uint64_t pixels = std::uint64_t(size->width) * std::uint64_t(size->height);  // < 2^62
    if (pixels > max_pixels) {
        result.problem = "the image is " + std::to_string(size->width) + "x" + std::to_string(size->height) + " (" +
                         std::to_string(pixels / 1'000'000) + " megapixels), more than the limit of " +
                         std::to_string(max_pixels / 1'000'000) + " megapixels (--max-image-pixels)";
        return result;
    }

    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!file) {
        result.problem = std::strerror(errno);
        return result;
    }
    ReadState state;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_read_struct(png ? &png : nullptr, nullptr, nullptr);
        result.problem = "libpng could not start";
        return result;
    }
    if (setjmp(state.jump)) {
        png_destroy_read_struct(&png, &info, nullptr);
        result.problem = "PNG data is corrupt: " + state.message;
        return result;
    }
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_init_io(png, file.get());
    png_read_info(png, info);
    png_set_expand(png);
    png_set_strip_16(png);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    std::size_t rowbytes = png_get_rowbytes(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    state.row.resize(rowbytes);
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, state.row.data(), nullptr);
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    result.size = size;
    return result;
}

}  // namespace ks
