#include "util/truetype_reduce.h"

#include <cstring>
#include <string_view>
#include <vector>

namespace ks {

namespace {

std::uint32_t u32(std::string_view s, std::size_t o) {
    return (std::uint32_t(std::uint8_t(s[o])) << 24) | (std::uint32_t(std::uint8_t(s[o + 1])) << 16) |
           (std::uint32_t(std::uint8_t(s[o + 2])) << 8) | std::uint32_t(std::uint8_t(s[o + 3]));
}
std::uint16_t u16(std::string_view s, std::size_t o) {
    return static_cast<std::uint16_t>((std::uint8_t(s[o]) << 8) | std::uint8_t(s[o + 1]));
}
void put16(std::string& s, std::uint16_t v) {
    s += static_cast<char>(v >> 8);
    s += static_cast<char>(v & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
    put16(s, static_cast<std::uint16_t>(v >> 16));
    put16(s, static_cast<std::uint16_t>(v & 0xFFFF));
}
void set32(std::string& s, std::size_t o, std::uint32_t v) {
    s[o] = static_cast<char>(v >> 24);
    s[o + 1] = static_cast<char>((v >> 16) & 0xFF);
    s[o + 2] = static_cast<char>((v >> 8) & 0xFF);
    s[o + 3] = static_cast<char>(v & 0xFF);
}
// The sfnt checksum: big-endian 32-bit words summed, the tail padded with zeros.
std::uint32_t checksum(std::string_view s) {
    std::uint32_t sum = 0;
    const std::size_t whole = s.size() & ~std::size_t(3);
    for (std::size_t i = 0; i < whole; i += 4) {
        std::uint32_t v;
        std::memcpy(&v, s.data() + i, 4);
        sum += __builtin_bswap32(v);
    }
    std::uint32_t v = 0;
    for (std::size_t k = whole; k < whole + 4; ++k) v = (v << 8) | (k < s.size() ? std::uint8_t(s[k]) : 0);
    return whole == s.size() ? sum : sum + v;
}

// A (3,1) format 4 cmap in few segments. libharu finds a character's glyph
// by a linear search over the segments, and it looks up all 65,536 BMP code
// points for every font it embeds (its CIDToGIDMap): with a segment per run
// of consecutive characters (hundreds in a Japanese deck) that search was a
// tenth of the handout's CPU time. Characters closer than `gap` code points
// share a segment whose glyph ids come from the glyph id array (zero, the
// missing glyph, for the code points between them); a run of consecutive
// characters with consecutive glyph ids stays a segment of its own delta.
struct CmapSegment {
    std::uint16_t start, end;
    std::int32_t delta;                // used when `gids` is empty
    std::vector<std::uint16_t> gids;   // end - start + 1 glyph ids, or empty
};

std::vector<CmapSegment> cmap_segments(const std::map<std::uint16_t, std::uint16_t>& chars, unsigned gap) {
    std::vector<std::pair<std::uint16_t, std::uint16_t>> used;
    for (const auto& [cp, gid] : chars)
        if (cp != 0xFFFF && gid != 0) used.emplace_back(cp, gid);
    std::vector<CmapSegment> segs;
    for (std::size_t i = 0; i < used.size();) {
        std::size_t j = i + 1;  // [i, j): one cluster
        while (j < used.size() && unsigned(used[j].first - used[j - 1].first) <= gap) ++j;
        const std::int32_t delta = std::int32_t(used[i].second) - std::int32_t(used[i].first);
        bool one_run = true;
        for (std::size_t k = i + 1; k < j && one_run; ++k)
            one_run = used[k].first == used[k - 1].first + 1 && std::int32_t(used[k].second) - used[k].first == delta;
        CmapSegment seg{used[i].first, used[j - 1].first, delta, {}};
        if (!one_run) {
            seg.gids.assign(std::size_t(seg.end - seg.start) + 1, 0);
            for (std::size_t k = i; k < j; ++k) seg.gids[used[k].first - seg.start] = used[k].second;
        }
        segs.push_back(std::move(seg));
        i = j;
    }
    segs.push_back({0xFFFF, 0xFFFF, 1, {}});
    return segs;
}

std::optional<std::string> cmap_subtable(const std::vector<CmapSegment>& segs) {
    std::size_t array = 0;
    for (const CmapSegment& s : segs) array += s.gids.size();
    const std::size_t length = 16 + 8 * segs.size() + 2 * array;
    if (length > 0xFFFF) return std::nullopt;  // the subtable length is 16-bit
    const auto n = static_cast<std::uint16_t>(segs.size());
    std::uint16_t search = 1, selector = 0;
    while (search * 2 <= n) {
        search *= 2;
        ++selector;
    }
    std::string sub;
    sub.reserve(length);
    put16(sub, 4);                                    // format
    put16(sub, static_cast<std::uint16_t>(length));
    put16(sub, 0);                                    // language
    put16(sub, static_cast<std::uint16_t>(2 * n));
    put16(sub, static_cast<std::uint16_t>(2 * search));
    put16(sub, selector);
    put16(sub, static_cast<std::uint16_t>(2 * n - 2 * search));
    for (const CmapSegment& s : segs) put16(sub, s.end);
    put16(sub, 0);  // reservedPad
    for (const CmapSegment& s : segs) put16(sub, s.start);
    for (const CmapSegment& s : segs) put16(sub, s.gids.empty() ? static_cast<std::uint16_t>(s.delta & 0xFFFF) : 0);
    // idRangeOffset: from the entry itself to the segment's first glyph id.
    std::size_t first = 0;
    for (std::size_t i = 0; i < segs.size(); ++i) {
        put16(sub, segs[i].gids.empty() ? 0 : static_cast<std::uint16_t>(2 * (segs.size() - i + first)));
        first += segs[i].gids.size();
    }
    for (const CmapSegment& s : segs)
        for (std::uint16_t gid : s.gids) put16(sub, gid);
    return sub;
}

// The fewest segments whose subtable fits in its 16-bit length.
std::optional<std::string> make_cmap(const std::map<std::uint16_t, std::uint16_t>& chars) {
    for (unsigned gap = 256; gap >= 1; gap /= 2)
        if (auto sub = cmap_subtable(cmap_segments(chars, gap))) {
            std::string cmap;
            put16(cmap, 0);  // version
            put16(cmap, 1);  // one subtable
            put16(cmap, 3);  // Windows
            put16(cmap, 1);  // Unicode BMP
            put32(cmap, 12);
            return cmap + *sub;
        }
    return std::nullopt;
}

// Tables are views into the font; those that change own a copy.
struct Table {
    std::string tag;
    std::string_view data;
    std::string owned;
    std::string& own() {
        if (owned.empty()) owned.assign(data);
        data = owned;
        return owned;
    }
};

// The font file from its 12-byte header and its tables: same order, 4-byte
// aligned, fresh checksums, head's checkSumAdjustment (already zero) set.
std::string assemble(std::string_view header, const std::vector<Table>& tables, std::size_t head) {
    const auto num_tables = static_cast<std::uint16_t>(tables.size());
    std::string out;
    std::size_t total = 12 + 16 * std::size_t(num_tables);
    for (const Table& t : tables) total += (t.data.size() + 3) & ~std::size_t(3);
    out.reserve(total);
    out += header;  // version, numTables, searchRange, entrySelector, rangeShift
    std::size_t offset = 12 + 16 * std::size_t(num_tables);
    std::vector<std::size_t> offsets;
    // Every table starts on a 4-byte boundary and is padded with zeros, so
    // the whole file's checksum is the directory's plus the tables'.
    std::uint32_t file_sum = 0;
    for (const Table& t : tables) {
        const std::uint32_t sum = checksum(t.data);
        file_sum += sum;
        out += t.tag;
        put32(out, sum);
        put32(out, static_cast<std::uint32_t>(offset));
        put32(out, static_cast<std::uint32_t>(t.data.size()));
        offsets.push_back(offset);
        offset += (t.data.size() + 3) & ~std::size_t(3);
    }
    for (const Table& t : tables) {
        out += t.data;
        out.append((4 - t.data.size() % 4) % 4, '\0');
    }
    file_sum += checksum(std::string_view(out).substr(0, 12 + 16 * std::size_t(num_tables)));
    set32(out, offsets[head] + 8, 0xB1B0AFBAu - file_sum);
    return out;
}

// The glyphs a composite glyph is made of (its components' ids).
void add_components(std::string_view glyph, std::vector<std::uint16_t>& out) {
    if (glyph.size() < 10 || static_cast<std::int16_t>(u16(glyph, 0)) >= 0) return;  // simple glyph
    constexpr std::uint16_t kWords = 0x1, kScale = 0x8, kMore = 0x20, kXYScale = 0x40, kTwoByTwo = 0x80;
    std::size_t o = 10;
    for (bool more = true; more && o + 4 <= glyph.size();) {
        const std::uint16_t flags = u16(glyph, o);
        out.push_back(u16(glyph, o + 2));
        o += 4 + ((flags & kWords) ? 4 : 2) + ((flags & kScale) ? 2 : (flags & kXYScale) ? 4 : (flags & kTwoByTwo) ? 8 : 0);
        more = (flags & kMore) != 0;
    }
}

// The glyph outlines of a face: glyf, and loca's offsets into it.
struct Outlines {
    std::string_view glyf, loca;
    bool long_loca = false;
    std::size_t offset(std::size_t g) const {
        return long_loca ? u32(loca, 4 * g) : 2 * std::size_t(u16(loca, 2 * g));
    }
    std::string_view glyph(std::size_t g) const { return glyf.substr(offset(g), offset(g + 1) - offset(g)); }
    // False when loca does not describe glyf (the tables are left alone).
    bool valid(std::uint16_t n_glyphs) const {
        if (loca.size() < (long_loca ? 4 : 2) * (std::size_t(n_glyphs) + 1)) return false;
        for (std::size_t g = 0; g < n_glyphs; ++g)
            if (offset(g) > offset(g + 1) || offset(g + 1) > glyf.size()) return false;
        return true;
    }
};

// Adds to `keep` the components of the kept composite glyphs, to any depth.
void add_all_components(const Outlines& o, std::uint16_t n_glyphs, std::vector<bool>& keep) {
    std::vector<std::uint16_t> todo;
    for (std::uint16_t g = 0; g < n_glyphs; ++g)
        if (keep[g]) todo.push_back(g);
    while (!todo.empty()) {
        const std::uint16_t g = todo.back();
        todo.pop_back();
        std::vector<std::uint16_t> parts;
        add_components(o.glyph(g), parts);
        for (std::uint16_t c : parts)
            if (c < n_glyphs && !keep[c]) {
                keep[c] = true;
                todo.push_back(c);
            }
    }
}

// glyf and loca with the outlines of the glyphs in `keep` only; every other
// glyph keeps its id and is empty. libharu and Cairo copy the outlines of
// the glyphs they draw from the copy, so what they embed is unchanged, while
// the copy they read (and we write) is a tenth of the face.
void trim_glyf(const Outlines& o, std::uint16_t n_glyphs, const std::vector<bool>& keep, Table& glyf, Table& loca) {
    std::string new_glyf, new_loca;
    for (std::size_t g = 0; g <= n_glyphs; ++g) {
        if (o.long_loca) put32(new_loca, static_cast<std::uint32_t>(new_glyf.size()));
        else put16(new_loca, static_cast<std::uint16_t>(new_glyf.size() / 2));
        if (g < n_glyphs && keep[g]) new_glyf.append(o.glyph(g));
    }
    glyf.owned = std::move(new_glyf);
    glyf.data = glyf.owned;
    loca.owned = std::move(new_loca);
    loca.data = loca.owned;
}

}  // namespace

std::optional<std::string> reduce_truetype(std::string_view ttf, const std::map<std::uint16_t, std::uint16_t>& chars,
                                           std::string& why, const std::vector<std::uint16_t>& more_glyphs) {
    if (ttf.size() < 12) {
        why = "not a font file";
        return std::nullopt;
    }
    const std::uint32_t version = u32(ttf, 0);
    if (version != 0x00010000 && version != 0x74727565 /* 'true' */) {
        why = "not a TrueType-outline font";
        return std::nullopt;
    }
    const std::uint16_t num_tables = u16(ttf, 4);
    if (12 + 16 * std::size_t(num_tables) > ttf.size()) {
        why = "truncated table directory";
        return std::nullopt;
    }
    std::vector<Table> tables;
    std::map<std::string, std::size_t> index;
    for (std::uint16_t i = 0; i < num_tables; ++i) {
        const std::size_t rec = 12 + 16 * std::size_t(i);
        const std::uint32_t off = u32(ttf, rec + 8), len = u32(ttf, rec + 12);
        if (std::size_t(off) + len > ttf.size()) {
            why = "table outside the file";
            return std::nullopt;
        }
        tables.push_back({std::string(ttf.substr(rec, 4)), ttf.substr(off, len), {}});
        index[tables.back().tag] = tables.size() - 1;
    }
    for (const char* t : {"cmap", "hmtx", "hhea", "head", "maxp"})
        if (!index.count(t)) {
            why = std::string("no ") + t + " table";
            return std::nullopt;
        }

    auto cmap = make_cmap(chars);
    if (!cmap) {
        why = "too many characters for one cmap subtable";
        return std::nullopt;
    }
    tables[index["cmap"]].owned = std::move(*cmap);
    tables[index["cmap"]].data = tables[index["cmap"]].owned;

    // hmtx: keep .notdef and the glyphs in use, zero the rest (it then
    // compresses to almost nothing; PDF readers take widths from /W).
    const std::string_view hhea = tables[index["hhea"]].data;
    const std::string_view maxp = tables[index["maxp"]].data;
    if (hhea.size() < 36 || maxp.size() < 6) {
        why = "short hhea/maxp";
        return std::nullopt;
    }
    const std::uint16_t n_metrics = u16(hhea, 34), n_glyphs = u16(maxp, 4);
    const std::size_t need = 4 * std::size_t(n_metrics) + 2 * std::size_t(n_glyphs > n_metrics ? n_glyphs - n_metrics : 0);
    if (tables[index["hmtx"]].data.size() < need || n_metrics == 0) {
        why = "short hmtx";
        return std::nullopt;
    }
    std::string& hmtx = tables[index["hmtx"]].own();
    std::vector<bool> keep(std::size_t(n_glyphs) + 1, false);
    keep[0] = true;
    for (const auto& [cp, gid] : chars)
        if (gid < keep.size()) keep[gid] = true;
    for (const std::uint16_t gid : more_glyphs)
        if (gid < keep.size()) keep[gid] = true;
    // A composite's components keep their outlines and metrics too (Cairo
    // copies both into its subset).
    Outlines outlines;
    if (index.count("glyf") && index.count("loca")) {
        const std::string_view head = tables[index["head"]].data;
        outlines = {tables[index["glyf"]].data, tables[index["loca"]].data, head.size() >= 54 && u16(head, 50) == 1};
    }
    const bool trim = !outlines.glyf.empty() && outlines.valid(n_glyphs);
    if (trim) add_all_components(outlines, n_glyphs, keep);
    for (std::uint16_t g = 1; g < n_glyphs; ++g) {
        if (keep[g]) continue;
        if (g < n_metrics) {
            for (int k = 0; k < 4; ++k) hmtx[4 * std::size_t(g) + k] = 0;
        } else {
            const std::size_t o = 4 * std::size_t(n_metrics) + 2 * std::size_t(g - n_metrics);
            hmtx[o] = hmtx[o + 1] = 0;
        }
    }

    if (trim) trim_glyf(outlines, n_glyphs, keep, tables[index["glyf"]], tables[index["loca"]]);

    if (tables[index["head"]].data.size() < 12) {
        why = "short head";
        return std::nullopt;
    }
    set32(tables[index["head"]].own(), 8, 0);  // checkSumAdjustment, recomputed below
    return assemble(ttf.substr(0, 12), tables, index["head"]);
}

}  // namespace ks
