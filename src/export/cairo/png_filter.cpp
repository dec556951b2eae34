#include "export/cairo/png_filter.h"

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define KS_HAVE_SSSE3_PATH 1
#endif

namespace ks {
namespace {

constexpr std::uint32_t kRgb = 0xFFFFFFu;  // the x byte of an RGB24 pixel is undefined

// The end of the run of pixels equal to `p` (RGB) that starts at x; two at a time.
int run_end(const std::uint32_t* src, int x, int w, std::uint32_t p) {
    const std::uint64_t pair = (static_cast<std::uint64_t>(p) << 32) | p;
    constexpr std::uint64_t kPairRgb = (static_cast<std::uint64_t>(kRgb) << 32) | kRgb;
    while (x + 2 <= w) {
        std::uint64_t two;
        std::memcpy(&two, src + x, 8);
        const std::uint64_t diff = (two ^ pair) & kPairRgb;
        if (diff) return x + ((diff & kRgb) ? 0 : 1);
        x += 2;
    }
    while (x < w && (src[x] & kRgb) == p) ++x;
    return x;
}

}  // namespace

bool same_rgb_row(const std::uint32_t* a, const std::uint32_t* b, int w) {
    if (std::memcmp(a, b, 4 * static_cast<std::size_t>(w)) == 0) return true;
    // The bytes differ: in colour, or only in x bytes. Blocks of 32 pixels
    // (a loop the compiler vectorises), stopping at the first colour change.
    int x = 0;
    for (; x + 32 <= w; x += 32) {
        std::uint32_t diff = 0;
        for (int k = 0; k < 32; ++k) diff |= (a[x + k] ^ b[x + k]) & kRgb;
        if (diff) return false;
    }
    std::uint32_t diff = 0;
    for (; x < w; ++x) diff |= (a[x] ^ b[x]) & kRgb;
    return diff == 0;
}

void sub_filter_row_scalar(const std::uint32_t* src, int w, unsigned char* dst) {
    dst[0] = 1;
    unsigned char pr = 0, pg = 0, pb = 0;
    std::uint32_t prev = 0;  // the previous pixel's RGB
    for (int x = 0; x < w;) {
        std::uint32_t p = src[x] & kRgb;  // xRGB in native endianness
        if (p == prev && x > 0) {
            // Slides are mostly flat: a run of equal pixels filters to zeros.
            const int end = run_end(src, x + 1, w, prev);
            std::memset(dst + 1 + 3 * static_cast<std::size_t>(x), 0, 3 * static_cast<std::size_t>(end - x));
            x = end;
            continue;
        }
        unsigned char r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
        dst[1 + 3 * x] = static_cast<unsigned char>(r - pr);
        dst[2 + 3 * x] = static_cast<unsigned char>(g - pg);
        dst[3 + 3 * x] = static_cast<unsigned char>(b - pb);
        pr = r, pg = g, pb = b;
        prev = p;
        ++x;
    }
}

#ifdef KS_HAVE_SSSE3_PATH
// Four pixels at a time: subtract the pixels one to the left bytewise, then
// pick R, G, B out of each B G R x word (little-endian) into 12 bytes.
__attribute__((target("ssse3"))) static void sub_filter_ssse3(const std::uint32_t* src, int w, unsigned char* dst) {
    dst[0] = 1;
    if (w <= 0) return;
    const std::uint32_t first = src[0];
    dst[1] = static_cast<unsigned char>(first >> 16);
    dst[2] = static_cast<unsigned char>(first >> 8);
    dst[3] = static_cast<unsigned char>(first);
    const __m128i pick = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    int x = 1;
    for (; x + 4 <= w; x += 4) {
        const __m128i cur = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + x));
        const __m128i left = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + x - 1));
        const __m128i rgb = _mm_shuffle_epi8(_mm_sub_epi8(cur, left), pick);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 1 + 3 * static_cast<std::size_t>(x)), rgb);
    }
    for (; x < w; ++x) {
        const std::uint32_t p = src[x], q = src[x - 1];
        for (int c = 0; c < 3; ++c)
            dst[1 + 3 * static_cast<std::size_t>(x) + c] =
                static_cast<unsigned char>((p >> (16 - 8 * c)) - (q >> (16 - 8 * c)));
    }
}
#endif

bool sub_filter_row_ssse3(const std::uint32_t* src, int w, unsigned char* dst) {
#ifdef KS_HAVE_SSSE3_PATH
    static const bool available = __builtin_cpu_supports("ssse3");
    if (!available) return false;
    sub_filter_ssse3(src, w, dst);
    return true;
#else
    (void)src, (void)w, (void)dst;
    return false;
#endif
}

void sub_filter_row(const std::uint32_t* src, int w, unsigned char* dst) {
    if (!sub_filter_row_ssse3(src, w, dst)) sub_filter_row_scalar(src, w, dst);
}

}  // namespace ks
