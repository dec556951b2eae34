#include "image/image_store.h"

#include <sys/stat.h>

#include "image/image_file.h"
#include "util/hash.h"
#include "util/read_file.h"

namespace ks {

ImageStore& ImageStore::shared() {
    static ImageStore store;
    return store;
}

void ImageStore::set_bound(PixelBound bound) {
    std::lock_guard lock(mutex_);
    bound_ = bound;
}

PixelBound ImageStore::bound() const {
    std::lock_guard lock(mutex_);
    return bound_;
}

bool ImageStore::stamp_of(const std::string& path, Stamp& s) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    auto ns = [](const timespec& t) { return std::uint64_t(t.tv_sec) * 1'000'000'000u + std::uint64_t(t.tv_nsec); };
    s = {std::uint64_t(st.st_dev), std::uint64_t(st.st_ino), std::uint64_t(st.st_size), ns(st.st_mtim),
         ns(st.st_ctim)};
    return true;
}

void ImageStore::keep_file_bytes(bool keep) {
    std::lock_guard lock(mutex_);
    keep_bytes_ = keep;
}

namespace {

bool has_own_bytes(const StoredImage& image) {
    return image.format == ImageFormat::Jpeg ? !image.jpeg.empty() : !image.file_bytes.empty();
}

}  // namespace

// Caller holds the mutex.
std::shared_ptr<const StoredImage> ImageStore::fresh_entry(const std::string& path, bool any_bound,
                                                           bool with_bytes) const {
    auto it = entries_.find(path);
    Stamp now;
    if (it == entries_.end() || !stamp_of(path, now) || !(now == it->second.stamp)) return nullptr;
    const PixelBound& b = it->second.bound;
    if (!any_bound && (b.width < bound_.width || b.height < bound_.height)) return nullptr;
    if (with_bytes && !has_own_bytes(*it->second.image)) return nullptr;
    return it->second.image;
}

std::shared_ptr<const StoredImage> ImageStore::find(const std::string& path) const {
    std::lock_guard lock(mutex_);
    return fresh_entry(path, true);
}

std::shared_ptr<const StoredImage> ImageStore::load(const std::string& path, std::uint64_t max_pixels,
                                                    std::string& problem) {
    // Held while decoding: the loader runs on one thread, and an exporter
    // asking for the same file waits for it rather than reading it again.
    std::lock_guard lock(mutex_);
    return load_locked(path, max_pixels, false, problem);
}

// Caller holds the mutex.
std::shared_ptr<const StoredImage> ImageStore::load_locked(const std::string& path, std::uint64_t max_pixels,
                                                           bool with_bytes, std::string& problem) {
    with_bytes = with_bytes || keep_bytes_;
    if (auto stored = fresh_entry(path, false, with_bytes)) {
        if (stored->format == ImageFormat::Svg || stored->width * stored->height <= double(max_pixels)) return stored;
        problem = over_pixel_limit(stored->width, stored->height, max_pixels);
        return nullptr;
    }
    Stamp stamp;
    const bool stamped = stamp_of(path, stamp);  // before reading: a later change is seen next time
    std::string why;
    auto bytes = read_file(path, &why);  // regular files only: a FIFO or a folder is refused, never waited on
    if (!bytes) {
        problem = why.empty() ? "the file cannot be opened" : why;
        return nullptr;
    }
    auto image = decode_image(*bytes, max_pixels, bound_, problem);
    if (!image) return nullptr;
    image->file_size = bytes->size();
    image->file_hash = fnv1a64(*bytes);
    if (image->format == ImageFormat::Jpeg) image->jpeg = std::move(*bytes);
    else if (with_bytes) image->file_bytes = std::move(*bytes);
    if (stamped) entries_[path] = {stamp, bound_, image};
    return image;
}

std::shared_ptr<const StoredImage> ImageStore::get(const std::string& path) {
    std::string problem;
    return load(path, ~std::uint64_t{0}, problem);
}

std::shared_ptr<const StoredImage> ImageStore::get_with_bytes(const std::string& path, std::string& problem) {
    std::lock_guard lock(mutex_);
    return load_locked(path, ~std::uint64_t{0}, true, problem);
}

}  // namespace ks
