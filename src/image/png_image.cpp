#include "image/png_image.h"

#include <csetjmp>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include <png.h>

namespace ks {
namespace {

// libpng reports errors by longjmp: everything it jumps over lives here,
// outside the frame (no destructors skipped).
struct PngDecodeState {
    std::jmp_buf jump;
    std::string message;
    std::string_view data;
    std::size_t offset = 0;
    std::vector<png_byte> rows;  // one row, or the whole image when interlaced
    std::unique_ptr<RowReducer> reducer;
};

void fail(png_structp png, png_const_charp message) {
    auto* state = static_cast<PngDecodeState*>(png_get_error_ptr(png));
    state->message = message ? message : "unknown libpng error";
    std::longjmp(state->jump, 1);
}

void ignore_warning(png_structp, png_const_charp) {}

void read_memory(png_structp png, png_bytep out, png_size_t n) {
    auto* state = static_cast<PngDecodeState*>(png_get_io_ptr(png));
    if (state->data.size() - state->offset < n) png_error(png, "truncated");
    std::memcpy(out, state->data.data() + state->offset, n);
    state->offset += n;
}

// Every row through the reducer; an interlaced image is assembled whole
// first (its passes revisit rows), then reduced.
void read_rows(png_structp png, png_infop info, PngDecodeState& state, PixelBound bound) {
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xff, PNG_FILLER_AFTER);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    const png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    const std::size_t row_bytes = png_get_rowbytes(png, info);
    state.reducer = std::make_unique<RowReducer>(width, height,
                                                 reduction_factor(int(width), int(height), bound));
    if (passes == 1) {
        state.rows.resize(row_bytes);
        for (png_uint_32 y = 0; y < height; ++y) {
            png_read_row(png, state.rows.data(), nullptr);
            state.reducer->add_row(state.rows.data());
        }
    } else {
        state.rows.resize(row_bytes * height);
        for (int pass = 0; pass < passes; ++pass)
            for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, state.rows.data() + row_bytes * y, nullptr);
        for (png_uint_32 y = 0; y < height; ++y) state.reducer->add_row(state.rows.data() + row_bytes * y);
    }
    png_read_end(png, nullptr);
}

}  // namespace

std::optional<RgbaImage> decode_png(const std::string& bytes, PixelBound bound, std::string& problem) {
    PngDecodeState state;
    state.data = bytes;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, fail, ignore_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_read_struct(png ? &png : nullptr, nullptr, nullptr);
        problem = "libpng could not start";
        return std::nullopt;
    }
    if (setjmp(state.jump)) {
        png_destroy_read_struct(&png, &info, nullptr);
        problem = state.message == "truncated" ? "PNG data is truncated" : "PNG data is corrupt: " + state.message;
        return std::nullopt;
    }
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_set_read_fn(png, &state, read_memory);
    png_read_info(png, info);
    read_rows(png, info, state, bound);
    png_destroy_read_struct(&png, &info, nullptr);
    return state.reducer->take();
}

}  // namespace ks
