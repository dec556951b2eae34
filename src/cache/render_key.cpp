#include "cache/render_key.h"

#include <cstring>
#include <fstream>
#include <set>
#include <type_traits>
#include <variant>

#include <sys/stat.h>

#include "image/image_store.h"
#include "output/output_folder.h"
#include "util/overloaded.h"

namespace ks {
namespace {

void color(KeyHasher& h, const Color& c) {
    h.f64(c.r);
    h.f64(c.g);
    h.f64(c.b);
    h.f64(c.a);
}

void optional_color(KeyHasher& h, const std::optional<Color>& c) {
    h.u64(c.has_value());
    if (c) color(h, *c);
}

}  // namespace

void KeyHasher::f64(double v) {
    if (v == 0) v = 0;  // one zero
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
}

RenderKeys::RenderKeys() {
    KeyHasher h;
    h.str("kamishibai " KAMISHIBAI_VERSION);
    h.u64(file_fingerprint("/proc/self/exe", false));
    // The shared libraries that draw and compress (cairo, pixman, libharu,
    // freetype, zlib...): an upgrade may change the bytes they write.
    std::ifstream maps("/proc/self/maps");
    std::set<std::string> libraries;
    for (std::string line; std::getline(maps, line);)
        if (auto slash = line.find('/'); slash != std::string::npos && line.find(".so", slash) != std::string::npos)
            libraries.insert(line.substr(slash));
    for (const auto& library : libraries) h.u64(file_fingerprint(library, false));
    program_ = h.value();
}

void RenderKeys::add_input(const std::string& path, bool content) {
    KeyHasher h;
    h.u64(program_);
    h.u64(file_fingerprint(path, content));
    program_ = h.value();
}

std::uint64_t RenderKeys::file_fingerprint(const std::string& path, bool content) {
    std::string memo = (content ? "c:" : "s:") + path;
    if (auto it = files_.find(memo); it != files_.end()) return it->second;
    KeyHasher h;
    h.str(path);
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) {
        h.str("missing");
    } else if (auto stored = content ? ImageStore::shared().find(path) : nullptr) {
        h.u64(stored->file_size);  // the image service hashed the bytes it read
        h.u64(stored->file_hash);
    } else if (content && S_ISREG(st.st_mode)) {
        try {
            OwnedFile f = hash_file(path);
            h.u64(f.size);
            h.u64(f.hash);
        } catch (const std::exception&) {
            h.str("unreadable");
        }
    } else {
        h.u64(static_cast<std::uint64_t>(st.st_size));
        h.u64(static_cast<std::uint64_t>(st.st_mtim.tv_sec));
        h.u64(static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
        h.u64(static_cast<std::uint64_t>(st.st_ino));
    }
    return files_[memo] = h.value();
}

std::uint64_t RenderKeys::frame(const Frame& f) {
    if (auto it = frames_.find(&f); it != frames_.end()) return it->second;
    KeyHasher h;
    h.f64(f.width);
    h.f64(f.height);
    optional_color(h, f.background);
    h.u64(f.items.size());
    for (const auto& item : f.items) {
        h.f64(item.pos.x);
        h.f64(item.pos.y);
        h.u64(item.item.index());
        // A new kind of item fails to compile here until it is hashed.
        std::visit(Overloaded{
                       [&](const Group& g) {
                           h.u64(g.frame ? frame(*g.frame) : 0);
                           for (double v : {g.transform.a, g.transform.b, g.transform.c, g.transform.d,
                                            g.transform.e, g.transform.f})
                               h.f64(v);
                           h.u64(g.clip);
                       },
                       [&](const GlyphRun& r) {
                           h.u64(r.font != nullptr);
                           if (r.font) {
                               h.str(r.font->file);
                               h.u64(file_fingerprint(r.font->file, false));
                               h.u64(static_cast<std::uint64_t>(r.font->index));
                               h.str(r.font->family);
                               h.u64(r.font->bold);
                               h.u64(r.font->italic);
                           }
                           h.f64(r.size);
                           h.f64(r.skew);
                           color(h, r.color);
                           h.str(r.text);
                           h.f64(r.width);
                           h.str(r.link);
                           h.u64(r.glyphs.size());
                           for (const auto& g : r.glyphs) {
                               h.u64(g.id);
                               h.f64(g.x);
                               h.f64(g.y_offset);
                               h.f64(g.advance);
                               h.u64(g.text_begin);
                               h.u64(g.text_end);
                           }
                       },
                       [&](const Shape& s) {
                           h.u64(static_cast<std::uint64_t>(s.kind));
                           h.f64(s.w);
                           h.f64(s.h);
                           h.u64(s.path.size());
                           for (const auto& op : s.path) {
                               h.u64(static_cast<std::uint64_t>(op.kind));
                               for (const auto& p : op.p) {
                                   h.f64(p.x);
                                   h.f64(p.y);
                               }
                           }
                           optional_color(h, s.fill);
                           optional_color(h, s.stroke);
                           h.f64(s.stroke_width);
                           h.f64(s.corner_radius);
                           h.u64(s.hatch ? 1 : 0);
                           if (s.hatch) {
                               optional_color(h, s.hatch->color);
                               h.f64(s.hatch->gap);
                               h.f64(s.hatch->width);
                           }
                       },
                       [&](const ImageItem& i) {
                           h.u64(file_fingerprint(i.path, true));
                           h.u64(static_cast<std::uint64_t>(i.format));
                           h.f64(i.w);
                           h.f64(i.h);
                       },
                   },
                   item.item);
        // Its place in the structure (tagged PDF): roles and alt text up to the root.
        for (const StructTag* t = item.tag.get(); t; t = t->parent.get()) {
            h.str(t->role);
            h.str(t->alt);
        }
        h.u64(0);
    }
    return frames_[&f] = h.value();
}

std::uint64_t RenderKeys::page(const Frame& f, const std::string& salt) {
    KeyHasher h;
    h.u64(program_);
    h.str(salt);
    h.u64(frame(f));
    return h.value();
}

std::uint64_t RenderKeys::document(const Document& doc, const std::string& salt) {
    KeyHasher h;
    h.u64(program_);
    h.str(salt);
    h.u64(doc.pages.size());
    for (const auto& p : doc.pages) h.u64(p ? frame(*p) : 0);
    h.u64(doc.outline.size());
    for (const auto& e : doc.outline) {
        h.str(e.title);
        h.u64(e.page);
        h.u64(static_cast<std::uint64_t>(e.level));
    }
    h.str(doc.info.title);
    h.str(doc.info.author);
    h.str(doc.info.subject);
    h.str(doc.info.creator);
    h.str(doc.info.lang);
    h.u64(doc.anchors.size());
    for (const auto& [id, page] : doc.anchors) {
        h.str(id);
        h.u64(page);
    }
    const auto& t = doc.info.timestamp;
    for (int v : {t.year, t.month, t.day, t.hour, t.minute, t.second}) h.u64(static_cast<std::uint64_t>(v));
    return h.value();
}

}  // namespace ks
