#pragma once
// A zlib stream made for slide images, where most bytes sit in long runs
// (flat backgrounds after PNG's Sub filter): one deflate block with the fixed
// Huffman code, literals plus distance-1 run matches. About ten times faster
// than zlib's fastest mode on such data, at a modest cost in size.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace ks {

std::vector<unsigned char> zlib_compress_runs(const unsigned char* data, std::size_t size);

// The same stream fed in pieces, so the input need not exist whole (the PNG
// writer filters a few rows at a time into a buffer that stays in cache).
// The bytes are exactly zlib_compress_runs' for the concatenated input, given
// each call sees far enough ahead: a match is looked for up to 258 bytes on.
class RunDeflater {
public:
    // `size`: the whole input's length, known in advance.
    explicit RunDeflater(std::size_t size);
    // Compresses input positions [*pos, limit) (and a match may run on past
    // `limit`, up to 257 bytes). `data` points at input position `base`;
    // the input must be there up to min(limit + 258, size). Advances *pos.
    void feed(const unsigned char* data, std::size_t base, std::size_t limit, std::size_t* pos);
    // After the whole input was fed: the zlib stream.
    std::vector<unsigned char> finish();

private:
    std::size_t size_;
    std::unique_ptr<unsigned char[]> out_;
    unsigned char* bits_out_;
    std::uint64_t buffer_ = 0;  // bits not yet stored, LSB first
    std::uint32_t count_ = 0;
    std::uint64_t s1_ = 1, s2_ = 0;  // Adler-32
    unsigned pending_ = 0;           // literals since the last reduction
    bool after_byte_ = false;        // a byte was written: look for a run of it
    unsigned char last_ = 0;         // that byte
    void put(std::uint32_t bits, std::uint32_t n);
};

}  // namespace ks
