#pragma once
// Shrinks what libharu embeds. libharu subsets a TrueType face's glyph
// outlines but copies every other table whole; for a CJK face the cmap alone
// is ~115 KB compressed, and the hmtx another ~16 KB. Before libharu loads a
// face we hand it a reduced copy (util/truetype_reduce.h) in a TempFile.
//
// Tried against HarfBuzz's hb-subset (HarfBuzz 6.0, HB_SUBSET_FLAGS_RETAIN_GIDS,
// seed deck; docs/ARCHITECTURE.md): libharu accepts its output and it is
// faster (handout CPU 71 ms against 99 ms, medians of 11), but every handout
// style came out 1.4-1.6 KB larger, so this reducer stays. With
// HB_SUBSET_FLAGS_NO_HINTING as well the handout shrinks by 15 %, at the cost
// of the fonts' hinting programs.
#include <string>

#include "util/truetype_reduce.h"

namespace ks::hpdf {

using ks::reduce_truetype;

// A file that exists while this does: a memory file (memfd) named by its
// /proc/self/fd path, which the kernel frees when the process ends however it
// ends (the reduced faces are kept for the process: no crash or kill leaves
// megabytes behind); in the temporary directory, removed when this goes
// away, where memory files are not available.
class TempFile {
public:
    TempFile() = default;
    // Writes `bytes` to a fresh file; throws std::runtime_error on failure.
    explicit TempFile(const std::string& bytes, const std::string& suffix);
    TempFile(TempFile&& o) noexcept : path_(std::move(o.path_)), fd_(o.fd_) { o.path_.clear(), o.fd_ = -1; }
    TempFile& operator=(TempFile&& o) noexcept;
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile();
    const std::string& path() const { return path_; }

private:
    void release();
    std::string path_;
    int fd_ = -1;  // the memory file; -1: path_ is on disk
};

}  // namespace ks::hpdf
