#pragma once
// The pictures of a presentation, each file once under ppt/media/: PNG and
// JPEG with their original bytes, SVG with its bytes plus a PNG rendering
// (PowerPoint shows the SVG; older readers the PNG).
#include <map>
#include <string>

#include "export/pptx/package_parts.h"
#include "util/image_format.h"

namespace ks::pptx {

struct MediaRef {
    std::string picture;  // "media/image1.png" (relative to ppt/): the blip
    std::string svg;      // "media/image2.svg" for an SVG, else empty
};

class MediaStore {
public:
    explicit MediaStore(Package& package) : package_(package) {}
    // The media of the file at `path`, added on first use; `w`, `h` is the
    // largest size (points) it is shown at, for the SVG's PNG. Throws
    // std::runtime_error when the file cannot be read.
    const MediaRef& add(const std::string& path, ImageFormat format, double w, double h);

private:
    std::string add_part(std::string bytes, const char* extension, bool compress);

    Package& package_;
    std::map<std::string, MediaRef> by_path_;
    int count_ = 0;
};

}  // namespace ks::pptx
