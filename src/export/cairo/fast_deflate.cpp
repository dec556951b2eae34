#include "export/cairo/fast_deflate.h"

#include <array>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace ks {
namespace {

struct Code {
    std::uint32_t bits = 0;  // already bit-reversed for LSB-first output
    std::uint32_t length = 0;
};

std::uint32_t reverse(std::uint32_t code, std::uint32_t length) {
    std::uint32_t r = 0;
    for (std::uint32_t i = 0; i < length; ++i) r |= ((code >> i) & 1u) << (length - 1 - i);
    return r;
}

// RFC 1951 §3.2.6, fixed literal/length code.
Code fixed_code(int symbol) {
    if (symbol <= 143) return {reverse(0x30 + symbol, 8), 8};
    if (symbol <= 255) return {reverse(0x190 + symbol - 144, 9), 9};
    if (symbol <= 279) return {reverse(symbol - 256, 7), 7};
    return {reverse(0xC0 + symbol - 280, 8), 8};
}

struct Tables {
    std::array<Code, 256> literal;
    std::array<Code, 259> run;  // length code + extra bits + distance code for distance 1
    Tables() {
        for (int i = 0; i < 256; ++i) literal[i] = fixed_code(i);
        static const int base[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                   35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
        static const int extra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                    3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        for (int len = 3; len <= 258; ++len) {
            int k = 28;
            while (base[k] > len) --k;
            Code c = fixed_code(257 + k);
            std::uint32_t bits = c.bits | (static_cast<std::uint32_t>(len - base[k]) << c.length);
            std::uint32_t n = c.length + extra[k];
            // distance code 0 (distance 1): five zero bits
            run[len] = {bits, n + 5};
        }
    }
};

// Length of the run of `b` starting at data[i], at most `limit`; eight bytes at a time.
std::size_t run_length(const unsigned char* data, std::size_t i, std::size_t limit, unsigned char b) {
    const std::uint64_t pattern = 0x0101010101010101ull * b;
    std::size_t run = 0;
    while (run + 8 <= limit) {
        std::uint64_t word;
        std::memcpy(&word, data + i + run, 8);
        const std::uint64_t diff = word ^ pattern;
        if (diff) return run + static_cast<std::size_t>(__builtin_ctzll(diff) / 8);
        run += 8;
    }
    while (run < limit && data[i + run] == b) ++run;
    return run;
}

}  // namespace

constexpr std::uint64_t kMod = 65521;

RunDeflater::RunDeflater(std::size_t size)
    // Worst case: every byte a 9-bit literal, plus header, end code, checksum
    // and 4-byte stores (bound()). Left uninitialised (value-initialising it
    // cost as much as a third of the encoding): only the bytes written are read.
    : owned_(new unsigned char[bound(size)]), out_(owned_.get()) {
    start();
}

RunDeflater::RunDeflater(unsigned char* buffer, std::size_t capacity, std::size_t size) : out_(buffer) {
    if (capacity < bound(size)) throw std::length_error("RunDeflater: output buffer below bound(size)");
    start();
}

void RunDeflater::start() {
    out_[0] = 0x78;  // deflate, 32K window
    out_[1] = 0x01;  // fastest, no dictionary; (0x7801 % 31 == 0)
    state_.out = out_ + 2;
    state_.put(1, 1);  // BFINAL
    state_.put(1, 2);  // BTYPE = 01, fixed Huffman
}

// LSB-first bit codes into the buffer sized in advance (no capacity checks
// on the hot path).
inline void RunDeflater::State::put(std::uint32_t bits, std::uint32_t n) {
    buffer |= static_cast<std::uint64_t>(bits) << count;
    count += n;
    if (count >= 32) {
        std::memcpy(out, &buffer, 4);  // little-endian: low bits first
        out += 4;
        buffer >>= 32;
        count -= 32;
    }
}

const Tables kTables;  // built before main: no guard on the hot path

// Adler-32 is kept alongside: a run of n bytes b updates it in closed form
// (s1 += n·b, s2 += n·s1 + b·n(n+1)/2), so flat areas cost nothing.
inline void RunDeflater::State::run(std::size_t n) {
    const Code& m = kTables.run[n];
    put(m.bits, m.length);
    s2 = (s2 + n * s1 + last * (n * (n + 1) / 2)) % kMod;
    s1 = (s1 + n * last) % kMod;
    pending = 0;
}

inline void RunDeflater::State::literal(unsigned char b) {
    const Code& lit = kTables.literal[b];
    put(lit.bits, lit.length);
    s1 += b;
    s2 += s1;
    if (++pending == 4096) s1 %= kMod, s2 %= kMod, pending = 0;  // must stay below 5552
    last = b;
    after_byte = true;
}

void RunDeflater::feed(const unsigned char* data, std::size_t n) {
    State s = state_;
    std::size_t i = 0;
    while (i < n) {
        const unsigned char b = data[i];
        // Three more of the byte just written start a match at distance 1;
        // anything else is a literal (one comparison on the usual path).
        if (s.after_byte && b == s.last && i + 2 < n && data[i + 1] == b && data[i + 2] == b) {
            const std::size_t length = run_length(data, i, std::min<std::size_t>(258, n - i), b);
            s.run(length);
            i += length;
            continue;
        }
        s.literal(b);
        ++i;
    }
    state_ = s;
}

void RunDeflater::repeat(unsigned char b, std::size_t n) {
    if (n == 0) return;
    State s = state_;
    if (!s.after_byte || s.last != b) s.literal(b), --n;
    while (n >= 3) {
        // 258 at a time; the last two matches share out a remainder under 3.
        std::size_t m = std::min<std::size_t>(n, 258);
        if (n - m > 0 && n - m < 3) m = n - 3;
        s.run(m);
        n -= m;
    }
    while (n-- > 0) s.literal(b);
    state_ = s;
}

std::vector<unsigned char> RunDeflater::finish() {
    auto stream = finish_in_place();
    return std::vector<unsigned char>(stream.begin(), stream.end());
}

std::span<const unsigned char> RunDeflater::finish_in_place() {
    State& s = state_;
    s.s1 %= kMod;
    s.s2 %= kMod;
    const Code end = fixed_code(256);
    s.put(end.bits, end.length);
    while (s.count > 0) {
        *s.out++ = static_cast<unsigned char>(s.buffer);
        s.buffer >>= 8;
        s.count = s.count > 8 ? s.count - 8 : 0;
    }
    const auto adler = static_cast<std::uint32_t>((s.s2 << 16) | s.s1);
    for (int shift = 24; shift >= 0; shift -= 8) *s.out++ = static_cast<unsigned char>(adler >> shift);
    return {out_, static_cast<std::size_t>(s.out - out_)};
}

std::vector<unsigned char> zlib_compress_runs(const unsigned char* data, std::size_t size) {
    RunDeflater deflater(size);
    deflater.feed(data, size);
    return deflater.finish();
}

}  // namespace ks
