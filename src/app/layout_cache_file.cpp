#include "app/layout_cache_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "app/frame_codec.h"
#include "app/model_codec.h"
#include "cache/render_key.h"
#include "output/output_folder.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace ks {
namespace {

constexpr std::string_view kMagic = "kamishibai-layout-cache 1\n";
constexpr std::size_t kMaxBytes = std::size_t(256) << 20;

// The program that writes the cache: another build of kamishibai may lay
// out differently and write other fields, so its file is not read at all.
std::uint64_t program_stamp() {
    struct stat st{};
    if (::stat("/proc/self/exe", &st) != 0) return 0;
    KeyHasher h;
    for (const auto v : {std::uint64_t(st.st_dev), std::uint64_t(st.st_ino), std::uint64_t(st.st_size),
                         std::uint64_t(st.st_mtim.tv_sec), std::uint64_t(st.st_mtim.tv_nsec)})
        h.u64(v);
    return h.value();
}

// What a reader of a frame relies on: item ranges inside the frame, glyph
// clusters inside their run's text. Throws CacheDamaged.
void check_frame(const Frame& f) {
    auto range = [&](const ItemRange& r) {
        if (r.end > f.items.size() || r.begin > f.items.size()) ByteReader::damaged("an item range outside the frame");
    };
    const SlideStructure& s = f.record.structure;
    range(s.master_items), range(s.layout_items);
    for (const auto& e : s.elements) {
        range(e.items);
        for (const auto& p : e.paragraphs) range(p.items);
    }
    for (const auto& item : f.items) {
        if (const auto* run = std::get_if<GlyphRun>(&item.item)) {
            if (!run->font) ByteReader::damaged("a glyph run without a font");
            for (const auto& g : run->glyphs)
                if (g.text_begin > g.text_end || g.text_end > run->text.size())
                    ByteReader::damaged("a glyph outside its text");
        } else if (const auto* group = std::get_if<Group>(&item.item)) {
            if (!group->frame) ByteReader::damaged("a group without a frame");
            check_frame(*group->frame);
        }
    }
}

void entries(ByteReader& r, LayoutMemo& into) {
    const std::size_t fits = r.count();
    for (std::size_t i = 0; i < fits; ++i) {
        const std::uint64_t key = r.num();
        FitDecision d;
        io(r, d);
        if (d.continued && (d.pieces.size() < 2 || d.wheres.size() != d.pieces.size()))
            ByteReader::damaged("a continued slide without its pieces");
        into.restore_fit(key, std::move(d));
    }
    const std::size_t slides = r.count();
    for (std::size_t i = 0; i < slides; ++i) {
        const std::uint64_t key = r.num();
        SlideLayout s;
        io(r, s);
        check_frame(*s.frame);
        into.restore(key, std::move(s));
    }
}

}  // namespace

fs::path layout_cache_path(const fs::path& out_dir) { return out_dir / ".kamishibai" / "layout-cache"; }

std::string seal_layout_cache(std::string_view entries) {
    ByteWriter w;
    w.out = kMagic;
    w.num(program_stamp());
    w.out += entries;
    const std::uint64_t sum = fnv1a64(w.out);
    for (int i = 0; i < 8; ++i) w.out.push_back(static_cast<char>(sum >> (8 * i)));
    return std::move(w.out);
}

std::string layout_cache_bytes(const LayoutMemo& memo) {
    ByteWriter w;
    std::size_t fits = 0, slides = 0;
    memo.each_fit([&](std::uint64_t, const FitDecision&) { ++fits; });
    memo.each_slide([&](std::uint64_t, const SlideLayout&) { ++slides; });
    w.num(fits);
    memo.each_fit([&](std::uint64_t key, const FitDecision& d) {
        w.num(key);
        io(w, const_cast<FitDecision&>(d));  // the writer only reads it
    });
    w.num(slides);
    memo.each_slide([&](std::uint64_t key, const SlideLayout& s) {
        w.num(key);
        io(w, const_cast<SlideLayout&>(s));
    });
    return seal_layout_cache(w.out);
}

bool parse_layout_cache(std::string_view bytes, LayoutMemo& memo) {
    if (bytes.size() < kMagic.size() + 8 || bytes.substr(0, kMagic.size()) != kMagic) return false;
    const std::string_view body = bytes.substr(0, bytes.size() - 8);
    std::uint64_t sum = 0;
    for (int i = 0; i < 8; ++i) sum |= std::uint64_t(static_cast<unsigned char>(bytes[body.size() + i])) << (8 * i);
    if (fnv1a64(body) != sum) return false;
    LayoutMemo read;
    try {
        ByteReader r(body.substr(kMagic.size()));
        if (r.num() != program_stamp()) return false;
        entries(r, read);
        if (r.left() != 0) return false;
    } catch (const CacheDamaged&) {
        return false;
    }
    memo = std::move(read);
    return true;
}

bool read_layout_cache(const fs::path& path, LayoutMemo& memo) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return false;
    std::string bytes;
    struct stat st{};
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && std::uint64_t(st.st_size) <= kMaxBytes;
    if (ok) {
        bytes.resize(static_cast<std::size_t>(st.st_size));
        std::size_t got = 0;
        while (got < bytes.size()) {
            const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        ok = got == bytes.size();
    }
    ::close(fd);
    return ok && parse_layout_cache(bytes, memo);
}

bool write_layout_cache(const fs::path& out_dir, const LayoutMemo& memo) {
    const std::string bytes = layout_cache_bytes(memo);
    fs::path temp;
    try {
        temp = create_unique_file(out_dir / ".kamishibai" / "tmp", "layout-cache");
        std::FILE* f = std::fopen(temp.c_str(), "wb");
        bool ok = f && std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        if (f && std::fclose(f) != 0) ok = false;
        if (ok && ::rename(temp.c_str(), layout_cache_path(out_dir).c_str()) == 0) return true;
    } catch (const std::exception&) {
    }
    if (!temp.empty()) ::unlink(temp.c_str());
    return false;
}

}  // namespace ks
