#pragma once
// The binary form of the layout cache (app/layout_cache_file.h): one field
// list per type, `template <class A> void io(A&, T&)`, walked by a writer
// (which only reads the value) or by a reader (which fills it), so what is
// written and what is read cannot drift apart. The reader trusts nothing: a
// count larger than the bytes left, an enum or variant index out of range, a
// reference to an object not yet read (or of another type), nesting deeper
// than kMaxDepth, a string that is not UTF-8 or a truncated number throws
// CacheDamaged, and the caller ignores the file.
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace ks {

struct CacheDamaged : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr std::size_t kMaxDepth = 64;  // groups in groups, lists in lists, columns in columns

// A distinct address per type, to number shared objects of each type apart.
template <class T> const void* type_tag() {
    static const char tag = 0;
    return &tag;
}  // groups in groups, lists in lists, columns in columns

class ByteWriter {
public:
    static constexpr bool reading = false;
    std::string out;

    void num(std::uint64_t v) {
        while (v >= 0x80) {
            out.push_back(static_cast<char>(v | 0x80));
            v >>= 7;
        }
        out.push_back(static_cast<char>(v));
    }
    template <class T> void integer(T& v) { num(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
    void flag(bool& v) { out.push_back(v ? 1 : 0); }
    void real(double& v) {
        char b[8];
        std::memcpy(b, &v, 8);
        out.append(b, 8);
    }
    void text(std::string& s) {
        num(s.size());
        out += s;
    }
    template <class E> void enumeration(E& e, std::size_t last) { (void)last, num(static_cast<std::uint64_t>(e)); }
    template <class T, class F> void list(std::vector<T>& v, F&& each) {
        num(v.size());
        for (auto& x : v) each(x);
    }
    template <class T, class F> void maybe(std::optional<T>& v, F&& each) {
        bool has = v.has_value();
        flag(has);
        if (has) each(*v);
    }
    // 0: null; k+1 (k < table size): the k-th object already written; the
    // table size + 1: a new object, its fields follow.
    template <class T, class F> void shared(std::shared_ptr<const T>& p, F&& each) {
        if (!p) return num(0);
        auto& seen = seen_[type_tag<T>()];  // one numbering per type
        auto [it, fresh] = seen.try_emplace(p.get(), seen.size());
        if (!fresh) return num(it->second + 1);
        num(it->second + 1);
        T& value = const_cast<T&>(*p);  // the writer only reads it
        each(value);
    }
    void enter() {}
    void leave() {}

private:
    std::unordered_map<const void*, std::unordered_map<const void*, std::uint64_t>> seen_;
};

class ByteReader {
public:
    static constexpr bool reading = true;
    explicit ByteReader(std::string_view in) : in_(in) {}

    std::size_t left() const { return in_.size() - pos_; }
    [[noreturn]] static void damaged(const char* why) { throw CacheDamaged(why); }

    std::uint64_t num() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= in_.size()) damaged("truncated number");
            const auto c = static_cast<unsigned char>(in_[pos_++]);
            v |= std::uint64_t(c & 0x7f) << shift;
            if (!(c & 0x80)) return v;
        }
        damaged("number too long");
    }
    template <class T> void integer(T& v) {
        const auto raw = static_cast<std::int64_t>(num());
        v = static_cast<T>(raw);
        if (static_cast<std::int64_t>(v) != raw) damaged("integer out of range");
    }
    void flag(bool& v) {
        const std::uint64_t b = num();
        if (b > 1) damaged("not a flag");
        v = b == 1;
    }
    void real(double& v) {
        if (left() < 8) damaged("truncated number");
        std::memcpy(&v, in_.data() + pos_, 8);
        pos_ += 8;
    }
    void text(std::string& s) {
        const std::uint64_t n = num();
        if (n > left()) damaged("string longer than the file");
        s.assign(in_.data() + pos_, n);
        pos_ += n;
        if (!valid_utf8(s)) damaged("a string that is not UTF-8");  // layout only ever writes UTF-8
    }
    // Well-formed UTF-8: no stray continuation bytes, overlong forms, surrogates or values past U+10FFFF.
    static bool valid_utf8(std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c < 0x80) {
                ++i;
                continue;
            }
            const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
            if (n == 0 || c > 0xF4 || i + n > s.size()) return false;
            std::uint32_t cp = c & (0x7F >> n);
            for (std::size_t k = 1; k < n; ++k) {
                const auto d = static_cast<unsigned char>(s[i + k]);
                if ((d & 0xC0) != 0x80) return false;
                cp = cp << 6 | (d & 0x3F);
            }
            if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
                return false;
            i += n;
        }
        return true;
    }
    template <class E> void enumeration(E& e, std::size_t last) {
        const std::uint64_t v = num();
        if (v > last) damaged("value out of range");
        e = static_cast<E>(v);
    }
    std::size_t count() {
        const std::uint64_t n = num();
        if (n > left()) damaged("count larger than the file");  // every element takes a byte at least
        return static_cast<std::size_t>(n);
    }
    template <class T, class F> void list(std::vector<T>& v, F&& each) {
        v.clear();
        v.resize(count());
        for (auto& x : v) each(x);
    }
    template <class T, class F> void maybe(std::optional<T>& v, F&& each) {
        bool has = false;
        flag(has);
        if (!has) return v.reset();
        v.emplace();
        each(*v);
    }
    template <class T, class F> void shared(std::shared_ptr<const T>& p, F&& each) {
        auto& table = tables_[type_tag<T>()];  // one numbering per type: a reference never changes type
        const std::uint64_t v = num();
        if (v == 0) return p.reset();
        if (v <= table.size()) {
            if (!table[v - 1]) damaged("reference to an object being read");
            p = std::static_pointer_cast<const T>(table[v - 1]);
            return;
        }
        if (v != table.size() + 1) damaged("reference to an object not yet read");
        const std::size_t slot = table.size();
        table.push_back(nullptr);
        auto value = std::make_shared<T>();
        each(*value);
        p = value;
        tables_[type_tag<T>()][slot] = value;  // `table` may have moved while the fields were read
    }
    void enter() {
        if (++depth_ > kMaxDepth) damaged("nested too deeply");
    }
    void leave() { --depth_; }

private:
    std::string_view in_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    std::unordered_map<const void*, std::vector<std::shared_ptr<const void>>> tables_;
};

// A variant: its index, then the alternative's fields (`each` is a visitor).
template <class A, class... Ts, class F>
void variant_io(A& a, std::variant<Ts...>& v, F&& each) {
    std::size_t index = v.index();
    a.enumeration(index, sizeof...(Ts) - 1);
    if constexpr (A::reading) {
        using Make = std::variant<Ts...> (*)();
        static constexpr Make make[] = {[]() -> std::variant<Ts...> { return Ts{}; }...};
        v = make[index]();
    }
    std::visit(each, v);
}

// Nesting (a group's frame, a list's children): bounded when reading.
struct Nested {
    template <class A, class F> static void io(A& a, F&& body) {
        a.enter();
        body();
        a.leave();
    }
};

}  // namespace ks
