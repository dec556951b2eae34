#include "image/jpeg_image.h"

#include <algorithm>
#include <cstring>

#include <turbojpeg.h>

#include "util/c_handle.h"

namespace ks {
namespace {

using TjHandle = std::unique_ptr<void, FunctionDeleter<tjDestroy>>;

TjHandle decompressor() { return TjHandle(tjInitDecompress()); }

std::string tj_message(void* handle) {
    const char* m = tjGetErrorStr2(handle);
    return m ? m : "unknown libjpeg-turbo error";
}

// libjpeg says "Premature end of JPEG file" (a warning) or "… data: premature
// end of data segment" when the data stops early.
bool says_truncated(const std::string& message) {
    return message.find("Premature end") != std::string::npos || message.find("premature end") != std::string::npos;
}

// A whole JPEG ends with the EOI marker (FF D9), perhaps followed by padding.
bool ends_with_eoi(const std::string& bytes) {
    std::size_t end = bytes.find_last_not_of('\0');
    return end != std::string::npos && end >= 1 && static_cast<unsigned char>(bytes[end]) == 0xD9 &&
           static_cast<unsigned char>(bytes[end - 1]) == 0xFF;
}

}  // namespace

std::optional<JpegHeader> read_jpeg_header(const std::string& bytes, std::string& problem) {
    TjHandle tj = decompressor();
    if (!tj) {
        problem = "libjpeg-turbo could not start";
        return std::nullopt;
    }
    int w = 0, h = 0, subsampling = 0, colorspace = 0;
    if (tjDecompressHeader3(tj.get(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), &w, &h,
                            &subsampling, &colorspace) != 0) {
        std::string m = tj_message(tj.get());
        problem = says_truncated(m) || !ends_with_eoi(bytes) ? "JPEG data is truncated (the file ends inside its header)"
                                                             : "the JPEG header is corrupt: " + m;
        return std::nullopt;
    }
    if (w <= 0 || h <= 0) {
        problem = ends_with_eoi(bytes) ? "the JPEG header gives an invalid size"
                                       : "JPEG data is truncated (the file ends inside its header)";
        return std::nullopt;
    }
    if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK) {
        // A print file: whole and valid, but not a colour space kamishibai draws.
        problem = "the JPEG uses the CMYK colour space, which is unsupported; save it as an RGB (sRGB) JPEG or PNG";
        return std::nullopt;
    }
    return JpegHeader{w, h, colorspace == TJCS_GRAY};
}

namespace {

// The problem a failed tjDecompress2 means; empty when it was only a warning
// (e.g. stray bytes between markers) that leaves a whole image.
std::string decompress_problem(void* tj, const std::string& bytes) {
    std::string m = tj_message(tj);
    if (says_truncated(m) || !ends_with_eoi(bytes)) return "JPEG data is truncated";
    if (tjGetErrorCode(tj) != TJERR_WARNING) return "JPEG data is corrupt: " + m;
    return "";
}

// The smallest scaling factor whose result still has `need` of the pixels.
tjscalingfactor scale_for(double need) {
    int count = 0;
    tjscalingfactor* factors = tjGetScalingFactors(&count);
    tjscalingfactor best{1, 1};
    for (int i = 0; factors && i < count; ++i) {
        const auto& f = factors[i];
        const double v = double(f.num) / f.denom;
        if (v <= 1 && v >= need && v < double(best.num) / best.denom) best = f;
    }
    return best;
}

}  // namespace

std::optional<RgbaImage> decode_jpeg_scaled(const std::string& bytes, PixelBound bound, std::string& problem) {
    auto header = read_jpeg_header(bytes, problem);
    if (!header) return std::nullopt;
    const double need = std::min({1.0, double(bound.width) / header->width, double(bound.height) / header->height});
    const tjscalingfactor f = scale_for(need);
    RgbaImage out;
    out.width = TJSCALED(header->width, f);
    out.height = TJSCALED(header->height, f);
    out.rgba.resize(std::size_t(out.width) * out.height * 4);
    TjHandle tj = decompressor();
    if (tjDecompress2(tj.get(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), out.rgba.data(),
                      out.width, out.width * 4, out.height, TJPF_RGBA, TJFLAG_ACCURATEDCT) != 0) {
        problem = decompress_problem(tj.get(), bytes);
        if (!problem.empty()) return std::nullopt;
    }
    const int k = reduction_factor(out.width, out.height, bound);  // below 1/8
    return k > 1 ? reduce(out, k) : out;
}

std::optional<RgbPixels> decode_jpeg(const std::string& bytes, std::uint64_t max_pixels, std::string& problem) {
    auto header = read_jpeg_header(bytes, problem);
    if (!header) return std::nullopt;
    std::uint64_t pixels = std::uint64_t(header->width) * std::uint64_t(header->height);
    if (pixels > max_pixels) {
        problem = "the image is " + std::to_string(header->width) + "x" + std::to_string(header->height) + " (" +
                  std::to_string(pixels / 1'000'000) + " megapixels), more than the limit of " +
                  std::to_string(max_pixels / 1'000'000) + " megapixels";
        return std::nullopt;
    }
    TjHandle tj = decompressor();
    RgbPixels out;
    out.width = header->width;
    out.height = header->height;
    out.rgb.resize(std::size_t(pixels) * 3);
    if (tjDecompress2(tj.get(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), out.rgb.data(),
                      out.width, out.width * 3, out.height, TJPF_RGB, TJFLAG_ACCURATEDCT) != 0) {
        std::string m = tj_message(tj.get());
        if (says_truncated(m) || !ends_with_eoi(bytes)) {
            problem = "JPEG data is truncated";
            return std::nullopt;
        }
        // Other warnings (e.g. stray bytes between markers) leave a whole image.
        if (tjGetErrorCode(tj.get()) != TJERR_WARNING) {
            problem = "JPEG data is corrupt: " + m;
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace ks
