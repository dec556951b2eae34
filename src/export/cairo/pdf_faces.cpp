#include "export/cairo/pdf_faces.h"

#include <cstdint>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include <sys/stat.h>

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "util/hash.h"
#include "util/mapped_file.h"
#include "util/truetype_reduce.h"
#include "util/utf8.h"

namespace ks {
namespace {

struct Usage {
    std::set<char32_t> chars;
    std::set<std::uint32_t> glyphs;
};

void collect(const Frame& frame, std::map<std::pair<std::string, int>, Usage>& usage) {
    for (const auto& it : frame.items) {
        if (const auto* group = std::get_if<Group>(&it.item)) {
            if (group->frame) collect(*group->frame, usage);
        } else if (const auto* run = std::get_if<GlyphRun>(&it.item)) {
            if (!run->font) continue;
            Usage& u = usage[{run->font->file, run->font->index}];
            for (char32_t cp : utf8_to_u32(run->text)) u.chars.insert(cp);
            for (const auto& g : run->glyphs)
                if (g.id != kNoInkGlyph) u.glyphs.insert(g.id);
        }
    }
}

// FreeType for the reduced faces: one library for the process, guarded (a
// face may be released by Cairo on any thread, after the PDF is written).
std::mutex& ft_mutex() {
    static std::mutex m;
    return m;
}
FT_Library ft_library() {
    static FT_Library library = [] {
        FT_Library l = nullptr;
        return FT_Init_FreeType(&l) == 0 ? l : nullptr;
    }();
    return library;
}

struct FaceData {
    std::string bytes;  // FreeType reads the face from here while it exists
    FT_Face face = nullptr;
};

// A Cairo face over the reduced copy of `file`, or null.
cairo_font_face_t* reduced_face(const std::string& file, const Usage& usage) {
    const MappedFile file_bytes(file);
    if (!file_bytes.ok() || !ft_library()) return nullptr;
    const std::string_view bytes = file_bytes.bytes();
    auto data = std::make_unique<FaceData>();
    std::map<std::uint16_t, std::uint16_t> chars;
    std::vector<std::uint16_t> more;
    {
        std::lock_guard lock(ft_mutex());
        FT_Face original = nullptr;
        if (FT_New_Memory_Face(ft_library(), reinterpret_cast<const FT_Byte*>(bytes.data()),
                               static_cast<FT_Long>(bytes.size()), 0, &original) != 0)
            return nullptr;
        const bool usable = FT_IS_SFNT(original) && !FT_HAS_COLOR(original);
        for (char32_t cp : usage.chars)
            if (cp < 0xFFFF && (cp < 0xD800 || cp > 0xDFFF))
                if (const FT_UInt gid = FT_Get_Char_Index(original, cp); gid != 0 && gid <= 0xFFFF)
                    chars[static_cast<std::uint16_t>(cp)] = static_cast<std::uint16_t>(gid);
        FT_Done_Face(original);
        if (!usable) return nullptr;
    }
    for (std::uint32_t gid : usage.glyphs)
        if (gid <= 0xFFFF) more.push_back(static_cast<std::uint16_t>(gid));
    std::string why;
    std::optional<std::string> reduced = reduce_truetype(bytes, chars, why, more);
    if (!reduced) return nullptr;
    data->bytes = std::move(*reduced);
    {
        std::lock_guard lock(ft_mutex());
        if (FT_New_Memory_Face(ft_library(), reinterpret_cast<const FT_Byte*>(data->bytes.data()),
                               static_cast<FT_Long>(data->bytes.size()), 0, &data->face) != 0)
            return nullptr;
    }
    cairo_font_face_t* cf = cairo_ft_font_face_create_for_ft_face(data->face, 0);
    static const cairo_user_data_key_t kDataKey{};
    auto release = [](void* p) {
        auto* d = static_cast<FaceData*>(p);
        {
            std::lock_guard lock(ft_mutex());
            FT_Done_Face(d->face);
        }
        delete d;
    };
    if (cairo_font_face_status(cf) != CAIRO_STATUS_SUCCESS ||
        cairo_font_face_set_user_data(cf, &kDataKey, data.get(), release) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(cf);
        release(data.release());
        return nullptr;
    }
    data.release();
    return cf;
}

// The faces of the last few documents, for the watcher's next build (nearly
// always the same characters): keyed by the file's stamp and the usage.
std::uint64_t usage_key(const std::string& file, int index, const Usage& usage) {
    struct stat st{};
    ::stat(file.c_str(), &st);
    Fnv1a64 h;
    h.update(file);
    for (const auto v : {std::uint64_t(index), std::uint64_t(st.st_size), std::uint64_t(st.st_mtim.tv_sec),
                         std::uint64_t(st.st_mtim.tv_nsec), std::uint64_t(usage.chars.size())})
        h.update(&v, sizeof v);
    for (char32_t cp : usage.chars) h.update(&cp, sizeof cp);
    for (std::uint32_t g : usage.glyphs) h.update(&g, sizeof g);
    return h.value();
}

cairo_font_face_t* cached_face(const std::string& file, int index, const Usage& usage) {
    static std::mutex mutex;
    using FacePtr = std::shared_ptr<cairo_font_face_t>;
    static std::vector<std::pair<std::uint64_t, FacePtr>> cache;  // newest last
    constexpr std::size_t kKept = 6;
    const std::uint64_t key = usage_key(file, index, usage);
    {
        std::lock_guard lock(mutex);
        for (const auto& [k, face] : cache)
            if (k == key) return cairo_font_face_reference(face.get());
    }
    cairo_font_face_t* face = index == 0 ? reduced_face(file, usage) : nullptr;
    if (!face) return nullptr;
    std::lock_guard lock(mutex);
    if (cache.size() == kKept) cache.erase(cache.begin());
    cache.emplace_back(key, FacePtr(cairo_font_face_reference(face), cairo_font_face_destroy));
    return face;
}

}  // namespace

PdfFaces::PdfFaces(const Document& doc) {
    std::map<std::pair<std::string, int>, Usage> usage;
    for (const auto& page : doc.pages)
        if (page) collect(*page, usage);
    for (const auto& [key, u] : usage)
        if (cairo_font_face_t* face = cached_face(key.first, key.second, u))
            faces_[key.first + "#" + std::to_string(key.second)] = face;
}

PdfFaces::~PdfFaces() {
    for (auto& [key, face] : faces_) cairo_font_face_destroy(face);
}

}  // namespace ks
