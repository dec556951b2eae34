#pragma once
// A zlib stream made for slide images, where most bytes sit in long runs
// (flat backgrounds after PNG's filters): one deflate block with the fixed
// Huffman code, literals plus distance-1 run matches. About ten times faster
// than zlib's fastest mode on such data, at a modest cost in size.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace ks {

std::vector<unsigned char> zlib_compress_runs(const unsigned char* data, std::size_t size);

// The same stream built a piece at a time, so the input need not exist
// whole: the PNG writer hands over one filtered row at a time, and a row
// that is all one byte (an unchanged row under PNG's Up filter) as a count.
// Matches never reach beyond the piece they start in.
class RunDeflater {
public:
    // `size`: at least the whole input's length (sizes the output buffer).
    explicit RunDeflater(std::size_t size);
    // Into a buffer of the caller's, at least bound(size) bytes: reused from
    // one image to the next, its pages are not faulted in afresh each time.
    RunDeflater(unsigned char* buffer, std::size_t capacity, std::size_t size);
    static std::size_t bound(std::size_t size) { return size + size / 8 + 32; }
    // Compresses data[0, n).
    void feed(const unsigned char* data, std::size_t n);
    // Compresses n copies of `b` without reading them: runs in closed form.
    void repeat(unsigned char b, std::size_t n);
    // After the whole input: the zlib stream.
    std::vector<unsigned char> finish();
    // The same, in the output buffer (valid while it is).
    std::span<const unsigned char> finish_in_place();

private:
    // The encoder's state. feed() and repeat() work on a local copy, so the
    // compiler keeps it in registers while bytes are stored through `out`.
    struct State {
        unsigned char* out = nullptr;
        std::uint64_t buffer = 0;  // bits not yet stored, LSB first
        std::uint32_t count = 0;
        std::uint64_t s1 = 1, s2 = 0;  // Adler-32
        unsigned pending = 0;          // literals since the last reduction
        bool after_byte = false;       // a byte was written: look for a run of it
        unsigned char last = 0;        // that byte
        void put(std::uint32_t bits, std::uint32_t n);
        void literal(unsigned char b);
        void run(std::size_t n);  // a match of n (3..258) copies of `last`
    };
    void start();
    std::unique_ptr<unsigned char[]> owned_;
    unsigned char* out_ = nullptr;
    State state_;
};

}  // namespace ks
