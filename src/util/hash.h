#pragma once
// The project's one hash: FNV-1a 64. Used for render keys, the output
// folder's manifest and journal checksums, preview cache-busting and the
// handout PDF's file ID. Not cryptographic: it tells versions of our own
// files apart, it does not defend against a crafted collision.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace ks {

// Streaming FNV-1a 64: feed bytes in any chunks, read value() at any time.
class Fnv1a64 {
public:
    static constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
    static constexpr std::uint64_t kPrime = 0x100000001b3ULL;

    explicit Fnv1a64(std::uint64_t basis = kOffsetBasis) : h_(basis) {}
    void update(const void* data, std::size_t n) {
        auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) step(p[i]);
    }
    void update(std::string_view s) { update(s.data(), s.size()); }
    void step(unsigned char c) { h_ = (h_ ^ c) * kPrime; }
    std::uint64_t value() const { return h_; }

private:
    std::uint64_t h_;
};

inline std::uint64_t fnv1a64(std::string_view bytes) {
    Fnv1a64 h;
    h.update(bytes);
    return h.value();
}

// 16 lowercase hex digits.
std::string hex64(std::uint64_t v);

// The hash of a file's bytes and their count. Throws std::runtime_error
// (with the errno text) when the file cannot be opened or read; a symlink
// is not followed (O_NOFOLLOW) and a FIFO never blocks. XXH3-64 (xxHash):
// outputs are hashed at every commit, megabytes a build, and FNV-1a's one
// multiply per byte was a tenth of a cold build. FNV-1a 64 reads the state
// files of builds before manifest 3.
enum class FileHashKind { Xxh3, Fnv1a };
struct FileHash {
    std::uint64_t size = 0;
    std::uint64_t hash = 0;
};
FileHash hash_file_bytes(const std::filesystem::path& path, FileHashKind kind = FileHashKind::Xxh3);
// XXH3-64 of bytes in memory (seed 0): hash_file_bytes of a file holding them.
std::uint64_t xxh3_64(const void* data, std::size_t size);

// Two 64-bit lanes for a 16-byte ID (the PDF file ID): lane a is FNV-1a 64
// of every string followed by 0xff, lane b the same step from another basis
// with an added constant, so the lanes differ for the same input.
struct Hash128 {
    Fnv1a64 a;
    std::uint64_t b = 0x84222325cbf29ce4ULL;
    void add(std::string_view s) {
        for (unsigned char c : s) {
            a.step(c);
            b = (b ^ c) * Fnv1a64::kPrime + 0x9e3779b97f4a7c15ULL;
        }
        a.step(0xff);
    }
};

}  // namespace ks
