#pragma once
// Keys of the incremental build: a 64-bit hash of everything an exporter's
// output depends on. Two equal keys mean byte-identical files, because every
// exporter is a deterministic function of its Document, its render options,
// the font and image files it reads and the program itself; all of them go
// into the key:
//  - frames, item by item (glyphs, shapes, colours, transforms, sub-frames);
//  - each font file and image file a frame names: path plus content
//    fingerprint (images: their bytes; fonts: size and mtime, they are big);
//  - the program (its version, the executable's and every loaded shared
//    library's size, mtime and inode).
// Keys are computed after pagination and layout, so page numbers, section
// names and footer text are already in the frames.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "frame/document.h"
#include "util/hash.h"

namespace ks {

// The project's hash (util/hash.h), fed with typed values.
class KeyHasher {
public:
    void bytes(const void* data, std::size_t n) { h_.update(data, n); }
    void u64(std::uint64_t v) { bytes(&v, sizeof v); }
    void f64(double v);  // -0.0 and 0.0 hash alike
    void str(const std::string& s) {
        u64(s.size());
        bytes(s.data(), s.size());
    }
    std::uint64_t value() const { return h_.value(); }

private:
    Fnv1a64 h_;
};

// Hashes frames and documents, remembering sub-frames (the handout groups the
// slide frames) and files it has fingerprinted.
class RenderKeys {
public:
    RenderKeys();  // starts from the program's own fingerprint
    // Every key also depends on this file: its bytes (`content`) or its
    // size, mtime and inode (the layout set, fonts.conf, the fonts folder).
    void add_input(const std::string& path, bool content);
    std::uint64_t frame(const Frame& frame);
    // A document: its pages, bookmarks and metadata, plus `salt` (the
    // exporter's name and render options).
    std::uint64_t document(const Document& doc, const std::string& salt);
    // One page for an exporter with `salt`.
    std::uint64_t page(const Frame& frame, const std::string& salt);

private:
    std::uint64_t file_fingerprint(const std::string& path, bool content);
    std::uint64_t program_ = 0;
    std::unordered_map<const Frame*, std::uint64_t> frames_;
    std::map<std::string, std::uint64_t> files_;
};

}  // namespace ks
