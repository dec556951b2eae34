#include "export/cairo/fast_deflate.h"

#include <array>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>


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

// Writes LSB-first bit codes into a buffer sized in advance (no per-byte
// capacity checks on the hot path).
class BitWriter {
public:
    explicit BitWriter(unsigned char* out) : out_(out) {}
    void put(std::uint32_t bits, std::uint32_t n) {
        buffer_ |= static_cast<std::uint64_t>(bits) << count_;
        count_ += n;
        if (count_ >= 32) {
            std::memcpy(out_, &buffer_, 4);  // little-endian: low bits first
            out_ += 4;
            buffer_ >>= 32;
            count_ -= 32;
        }
    }
    unsigned char* finish() {
        while (count_ > 0) {
            *out_++ = static_cast<unsigned char>(buffer_);
            buffer_ >>= 8;
            count_ = count_ > 8 ? count_ - 8 : 0;
        }
        return out_;
    }

private:
    unsigned char* out_;
    std::uint64_t buffer_ = 0;
    std::uint32_t count_ = 0;
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

std::vector<unsigned char> zlib_compress_runs(const unsigned char* data, std::size_t size) {
    static const Tables tables;
    // Worst case: every byte a 9-bit literal, plus header, end code, checksum
    // and the writer's 4-byte stores.
    // Left uninitialised (value-initialising it cost as much as a third of
    // the encoding): only the bytes written are copied out at the end.
    std::unique_ptr<unsigned char[]> out(new unsigned char[size + size / 8 + 32]);
    out[0] = 0x78;  // deflate, 32K window
    out[1] = 0x01;  // fastest, no dictionary; (0x7801 % 31 == 0)
    BitWriter bits(out.get() + 2);
    bits.put(1, 1);  // BFINAL
    bits.put(1, 2);  // BTYPE = 01, fixed Huffman
    // Adler-32 is kept alongside: a run of n bytes b updates it in closed
    // form (s1 += n·b, s2 += n·s1 + b·n(n+1)/2), so flat areas cost nothing.
    constexpr std::uint64_t kMod = 65521;
    std::uint64_t s1 = 1, s2 = 0;
    unsigned pending = 0;  // literals since the last reduction (must stay below 5552)
    std::size_t i = 0;
    while (i < size) {
        const unsigned char b = data[i];
        const Code& lit = tables.literal[b];
        bits.put(lit.bits, lit.length);
        ++i;
        s1 += b;
        s2 += s1;
        if (++pending == 4096) s1 %= kMod, s2 %= kMod, pending = 0;
        // Repeat the byte just written: matches at distance 1.
        for (;;) {
            const std::size_t run = run_length(data, i, std::min<std::size_t>(258, size - i), b);
            if (run < 3) break;
            const Code& m = tables.run[run];
            bits.put(m.bits, m.length);
            i += run;
            s2 = (s2 + run * s1 + b * (run * (run + 1) / 2)) % kMod;
            s1 = (s1 + run * b) % kMod;
            pending = 0;
        }
    }
    s1 %= kMod;
    s2 %= kMod;
    const Code end = fixed_code(256);
    bits.put(end.bits, end.length);
    unsigned char* tail = bits.finish();
    const auto adler = static_cast<std::uint32_t>((s2 << 16) | s1);
    for (int shift = 24; shift >= 0; shift -= 8) *tail++ = static_cast<unsigned char>(adler >> shift);
    return std::vector<unsigned char>(out.get(), tail);
}

}  // namespace ks
