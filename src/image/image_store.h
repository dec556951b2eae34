#pragma once
// The image service: every image file of a build is read once, its bytes
// hashed (util/hash.h, for the render keys) and decoded from memory straight
// to the largest size an output draws (image/rgba_image.h's PixelBound). The
// outline loader's check, layout's size probe, the render keys and both
// exporters ask here. Entries live for the process: a rebuild in watch finds
// an unchanged file by its stat (size, mtime, inode) and reads nothing.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "image/rgba_image.h"
#include "util/image_format.h"

namespace ks {

class SvgImage;  // image/svg_image.h

struct StoredImage {
    ImageFormat format = ImageFormat::Unknown;
    double width = 0, height = 0;   // intrinsic size (pixels; an SVG's CSS px)
    std::uint64_t file_size = 0;    // the file's bytes: count and hash
    std::uint64_t file_hash = 0;
    std::string jpeg;               // a JPEG's own bytes: PDFs embed them as they are
    std::string file_bytes;         // a PNG's or SVG's own bytes, when asked for (see keep_file_bytes)
    RgbaImage pixels;               // decoded once, within the bound (an SVG rasterised)
    std::shared_ptr<const SvgImage> svg;  // an SVG parsed, for exporters that draw vectors
};

class ImageStore {
public:
    static ImageStore& shared();

    // The largest size an output of this build draws. Entries decoded for a
    // smaller bound are decoded again when next loaded.
    void set_bound(PixelBound bound);
    PixelBound bound() const;

    // Reads, hashes and decodes `path` once; later calls for the unchanged
    // file return the stored image. nullptr with `problem` set (unreadable,
    // over `max_pixels`, corrupt, over the SVG limits).
    std::shared_ptr<const StoredImage> load(const std::string& path, std::uint64_t max_pixels, std::string& problem);
    // The stored image of an unchanged file, without reading it; else nullptr.
    std::shared_ptr<const StoredImage> find(const std::string& path) const;
    // load() without a pixel limit (the loader applied it): for exporters.
    std::shared_ptr<const StoredImage> get(const std::string& path);
    // get(), with the file's own bytes (StoredImage::jpeg or file_bytes): for
    // an exporter that embeds the file as it is (slides.pptx). Reads the file
    // again only if it was stored without them: a build that will ask says so
    // first with keep_file_bytes, so that each file is read once. nullptr
    // with `problem` set when the file cannot be read or decoded.
    std::shared_ptr<const StoredImage> get_with_bytes(const std::string& path, std::string& problem);
    // From now on, keep every PNG's and SVG's own bytes (a JPEG's always are).
    void keep_file_bytes(bool keep);

private:
    struct Stamp {
        std::uint64_t dev = 0, ino = 0, size = 0, mtime_ns = 0, ctime_ns = 0;
        bool operator==(const Stamp&) const = default;
    };
    struct Entry {
        Stamp stamp;
        PixelBound bound;
        std::shared_ptr<const StoredImage> image;
    };
    static bool stamp_of(const std::string& path, Stamp& stamp);
    std::shared_ptr<const StoredImage> fresh_entry(const std::string& path, bool any_bound, bool with_bytes = false) const;
    std::shared_ptr<const StoredImage> load_locked(const std::string& path, std::uint64_t max_pixels, bool with_bytes,
                                                   std::string& problem);

    mutable std::mutex mutex_;
    std::map<std::string, Entry> entries_;
    PixelBound bound_;
    bool keep_bytes_ = false;
};

// Decodes bytes already read (format sniffed) within `bound`.
std::shared_ptr<StoredImage> decode_image(const std::string& bytes, std::uint64_t max_pixels, PixelBound bound,
                                          std::string& problem);

}  // namespace ks
