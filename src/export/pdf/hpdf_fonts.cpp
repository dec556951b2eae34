#include "export/pdf/hpdf_fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>
#include <optional>
#include <stdexcept>

#include <sys/stat.h>
#include <unistd.h>

#include "export/pdf/hpdf_color_glyphs.h"
#include "export/pdf/hpdf_document.h"
#include "util/hash.h"
#include "util/mapped_file.h"

namespace ks::hpdf {

std::string identity_bmp_to_unicode_cmap() {
    std::string s =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n"
        "<0000> <FFFF>\n"
        "endcodespacerange\n";
    std::vector<unsigned> blocks;
    for (unsigned hi = 0; hi < 256; ++hi)
        if (hi < 0xD8 || hi > 0xDF) blocks.push_back(hi);
    char buf[64];
    for (std::size_t i = 0; i < blocks.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, blocks.size() - i);
        std::snprintf(buf, sizeof buf, "%zu beginbfrange\n", n);
        s += buf;
        for (std::size_t k = i; k < i + n; ++k) {
            const unsigned hi = blocks[k];
            // The first block starts at U+0020: CIDs below are controls
            // libharu never emits for text we draw.
            const unsigned lo = hi == 0 ? 0x20 : 0x00;
            std::snprintf(buf, sizeof buf, "<%02X%02X> <%02XFF> <%02X%02X>\n", hi, lo, hi, hi, lo);
            s += buf;
        }
        s += "endbfrange\n";
    }
    s += "endcmap\n"
         "CMapName currentdict /CMapResource defineresource pop\n"
         "end\n"
         "end\n";
    return s;
}

namespace {

struct OutlineSink {
    std::vector<PathOp>* out;
    double scale, skew;
    Point origin;
    FT_Vector last{};

    Point map(const FT_Vector* v) const {
        const double gx = v->x, gy = v->y;  // font units, y up
        return {origin.x + (gx + skew * gy) * scale, origin.y - gy * scale};
    }
};

int move_to(const FT_Vector* to, void* user) {
    auto* s = static_cast<OutlineSink*>(user);
    if (!s->out->empty() && s->out->back().kind != PathOp::Kind::Close)
        s->out->push_back({PathOp::Kind::Close, {}});
    s->out->push_back({PathOp::Kind::MoveTo, {s->map(to)}});
    s->last = *to;
    return 0;
}

int line_to(const FT_Vector* to, void* user) {
    auto* s = static_cast<OutlineSink*>(user);
    s->out->push_back({PathOp::Kind::LineTo, {s->map(to)}});
    s->last = *to;
    return 0;
}

int conic_to(const FT_Vector* c, const FT_Vector* to, void* user) {
    auto* s = static_cast<OutlineSink*>(user);
    // Quadratic to cubic: c1 = p0 + 2/3 (c - p0), c2 = p + 2/3 (c - p).
    const double p0x = s->last.x, p0y = s->last.y;
    const double cx = c->x, cy = c->y, px = to->x, py = to->y;
    auto map = [s](double x, double y) {
        return Point{s->origin.x + (x + s->skew * y) * s->scale, s->origin.y - y * s->scale};
    };
    PathOp op{PathOp::Kind::CurveTo, {}};
    op.p[0] = map(p0x + 2.0 / 3.0 * (cx - p0x), p0y + 2.0 / 3.0 * (cy - p0y));
    op.p[1] = map(px + 2.0 / 3.0 * (cx - px), py + 2.0 / 3.0 * (cy - py));
    op.p[2] = map(px, py);
    s->out->push_back(op);
    s->last = *to;
    return 0;
}

int cubic_to(const FT_Vector* c1, const FT_Vector* c2, const FT_Vector* to, void* user) {
    auto* s = static_cast<OutlineSink*>(user);
    s->out->push_back({PathOp::Kind::CurveTo, {s->map(c1), s->map(c2), s->map(to)}});
    s->last = *to;
    return 0;
}

bool is_ttc(const std::string& path) {
    if (path.size() < 4) return false;
    std::string ext = path.substr(path.size() - 4);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".ttc";
}

bool truetype_outlines(FT_Face face) {
    if (!face || !FT_IS_SFNT(face)) return false;
    for (FT_ULong tag : {TTAG_glyf, TTAG_loca, TTAG_head, TTAG_hhea, TTAG_hmtx, TTAG_maxp, TTAG_cmap}) {
        FT_ULong len = 0;
        if (FT_Load_Sfnt_Table(face, tag, 0, nullptr, &len) != 0 || len == 0) return false;
    }
    return true;
}

// Reduced faces (hpdf_font_subset.h) for the life of the process: the
// watcher writes the handout again after every save, nearly always with the
// same characters, and the handout styles of one build share faces. Keyed by
// the file (path, size, modification time) and the characters; the last few
// are kept. Null when the face cannot be reduced: the caller embeds the file.
std::shared_ptr<const TempFile> reduced_face(const std::string& file,
                                             const std::map<std::uint16_t, std::uint16_t>& chars) {
    if (chars.empty()) return nullptr;
    struct stat st{};
    if (::stat(file.c_str(), &st) != 0) return nullptr;
    Fnv1a64 h;
    h.update(file);
    for (const auto value : {std::uint64_t(st.st_size), std::uint64_t(st.st_mtim.tv_sec), std::uint64_t(st.st_mtim.tv_nsec)})
        h.update(&value, sizeof value);
    for (const auto& [cp, gid] : chars) {
        const std::uint16_t pair[2] = {cp, gid};
        h.update(pair, sizeof pair);
    }
    static std::mutex mutex;
    static std::vector<std::pair<std::uint64_t, std::shared_ptr<const TempFile>>> cache;  // newest last
    constexpr std::size_t kKept = 4;  // each a file in the temporary folder (megabytes)
    {
        std::lock_guard lock(mutex);
        for (const auto& [key, temp] : cache)  // (still there: a cleaner may empty the temporary folder)
            if (key == h.value() && ::access(temp->path().c_str(), R_OK) == 0) return temp;
    }
    const MappedFile bytes(file);
    std::string why;
    std::optional<std::string> reduced = bytes.ok() ? reduce_truetype(bytes.bytes(), chars, why) : std::nullopt;
    if (!reduced) return nullptr;
    auto temp = std::make_shared<const TempFile>(*reduced, ".ttf");
    std::lock_guard lock(mutex);
    if (cache.size() == kKept) cache.erase(cache.begin());
    cache.emplace_back(h.value(), temp);
    return temp;
}

}  // namespace

std::uint32_t LoadedFont::glyph_for(char32_t cp) const {
    if (!face) return 0;
    return FT_Get_Char_Index(face.get(), cp);
}

double LoadedFont::pdf_advance(std::uint32_t gid, double size) const {
    if (!face) return 0;
    FT_Fixed adv = 0;
    if (FT_Get_Advance(face.get(), gid, FT_LOAD_NO_SCALE, &adv) != 0) return 0;
    // libharu writes widths as integer thousandths of an em, truncated.
    const int w1000 = static_cast<int>(static_cast<unsigned>(adv) * 1000u / static_cast<unsigned>(units_per_em));
    return w1000 / 1000.0 * size;
}

bool LoadedFont::outline(std::uint32_t gid, double size, double skew, Point origin,
                         std::vector<PathOp>& out) const {
    if (!face) return false;
    if (FT_Load_Glyph(face.get(), gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) return false;
    if (face->glyph->format != FT_GLYPH_FORMAT_OUTLINE) return false;
    OutlineSink sink{&out, size / units_per_em, skew, origin};
    FT_Outline_Funcs funcs{};
    funcs.move_to = move_to;
    funcs.line_to = line_to;
    funcs.conic_to = conic_to;
    funcs.cubic_to = cubic_to;
    const std::size_t before = out.size();
    if (FT_Outline_Decompose(&face->glyph->outline, &funcs, &sink) != 0) return false;
    if (out.size() > before) out.push_back({PathOp::Kind::Close, {}});
    return true;
}

FontCache::FontCache(Document& doc) : doc_(doc) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) throw std::runtime_error("FreeType: cannot initialise");
    ft_.reset(library);
}

void FontCache::note_usage(const FontFace& face, char32_t cp) {
    if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;  // libharu encodes the BMP only
    usage_[{face.file, face.index}].insert(cp);
}

const LoadedFont& FontCache::get(const FontFace& face) {
    const auto key = std::make_pair(face.file, face.index);
    if (auto it = fonts_.find(key); it != fonts_.end()) return *it->second;
    auto f = std::make_unique<LoadedFont>();

    FT_Face ftf = nullptr;
    if (FT_New_Face(ft_.get(), face.file.c_str(), face.index, &ftf) == 0) {
        f->face.reset(ftf);
        f->units_per_em = ftf->units_per_EM ? ftf->units_per_EM : 1000;
    }

    // libharu embeds TrueType-outline faces only; anything else (CFF, a
    // broken file) is drawn from outlines by the writer. Its TrueType parser
    // does not survive arbitrary bytes, so it only sees faces FreeType has
    // opened as sfnt with the tables libharu reads.
    if (!truetype_outlines(f->face.get())) {
        f->load_error = f->face ? "not a TrueType-outline font" : "FreeType cannot open it";
        f->color_bitmaps = is_color_bitmap_face(f->face.get());
        auto& ref = *f;
        fonts_.emplace(key, std::move(f));
        return ref;
    }

    // Embed from a reduced copy when we know what the document shows.
    std::string load_path = face.file;
    if (auto u = usage_.find(key); u != usage_.end() && f->face && !is_ttc(face.file)) {
        std::map<std::uint16_t, std::uint16_t> chars;
        for (char32_t cp : u->second)
            if (const auto gid = FT_Get_Char_Index(f->face.get(), cp); gid != 0 && gid <= 0xFFFF)
                chars[static_cast<std::uint16_t>(cp)] = static_cast<std::uint16_t>(gid);
        if (auto reduced = reduced_face(face.file, chars)) {
            temp_files_.push_back(std::move(reduced));
            load_path = temp_files_.back()->path();
        }
    }

    HPDF_Doc pdf = doc_.get();
    const char* name = is_ttc(face.file)
                           ? HPDF_LoadTTFontFromFile2(pdf, face.file.c_str(), static_cast<HPDF_UINT>(face.index), HPDF_TRUE)
                           : HPDF_LoadTTFontFromFile(pdf, load_path.c_str(), HPDF_TRUE);
    HPDF_Font font = nullptr;
    if (name && !doc_.failed()) font = HPDF_GetFont(pdf, name, "UTF-8");
    if (!font || doc_.failed()) {
        char buf[64];
        const HPDF_STATUS code = doc_.errors().code ? doc_.errors().code : HPDF_GetError(pdf);
        std::snprintf(buf, sizeof buf, "libharu error 0x%04X", static_cast<unsigned>(code));
        f->load_error = buf;
        doc_.reset_error();
        font = nullptr;
    } else {
        // Replace libharu's ToUnicode (begincidrange: poppler warns, other
        // readers may fail) with a correct bfrange map.
        // The existing stream is rewritten in place (so no orphan object is
        // left in the file); a new one is made if libharu wrote none.
        // (Dict look-ups record a type mismatch silently in libharu's error
        // state without calling the handler; clear it after probing.)
        auto* cmap = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
        doc_.reset_error();
        const bool reuse = cmap && cmap->stream && cmap->stream->type == HPDF_STREAM_MEMORY;
        if (reuse) {
            HPDF_MemStream_FreeData(cmap->stream);
            for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"})
                HPDF_Dict_RemoveElement(cmap, key);  // HPDF_DICT_ITEM_NOT_FOUND when absent
            doc_.reset_error();
        } else {
            cmap = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
            if (!cmap) doc_.check("creating a ToUnicode stream");
        }
        cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        const std::string text = identity_bmp_to_unicode_cmap();
        HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                          static_cast<HPDF_UINT>(text.size()));
        if (!reuse) HPDF_Dict_Add(font, "ToUnicode", cmap);
        doc_.check("replacing the ToUnicode CMap of " + face.file);
    }
    f->font = font;
    auto& ref = *f;
    fonts_.emplace(key, std::move(f));
    return ref;
}

std::pair<const LoadedFont*, char32_t> FontCache::text_stand_in() {
    for (const auto& [key, chars] : usage_) {
        FontFace face;
        face.file = key.first;
        face.index = key.second;
        const LoadedFont& f = get(face);
        if (!f.font) continue;
        if (chars.count(U' ') && f.glyph_for(U' ')) return {&f, U' '};
        for (char32_t cp : chars)
            if (f.glyph_for(cp)) return {&f, cp};
    }
    return {nullptr, 0};
}

}  // namespace ks::hpdf
