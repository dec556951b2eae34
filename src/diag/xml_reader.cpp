#include "diag/xml_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "util/utf8.h"
#include "util/edit_distance.h"

namespace ks {
namespace {

std::string why_forbidden(char32_t cp) {
    if (cp == 0) return "NUL";
    if (cp < 0x20) return "a control character";
    if (cp >= 0xD800 && cp <= 0xDFFF) return "a lone surrogate";
    if (cp > 0x10FFFF) return "beyond Unicode";
    return "a noncharacter";
}

bool starts_with(std::string_view s, std::size_t at, std::string_view prefix) {
    return s.compare(at, prefix.size(), prefix) == 0;
}

}  // namespace

bool forbidden_character(char32_t cp) {
    if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
    if (cp >= 0xD800 && cp <= 0xDFFF) return true;
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
    if ((cp & 0xFFFE) == 0xFFFE) return true;
    return cp > 0x10FFFF;
}

XmlReader::XmlReader(const std::string& path, const std::string& text, Diagnostics& diags, std::string what)
    : path_(path), text_(text), map_(path, text), diags_(diags), what_(std::move(what)) {}

SourcePosition XmlReader::pos(const pugi::xml_node& n) const {
    return map_.at(n.offset_debug() - (n.type() == pugi::node_element ? 1 : 0));
}

// One pass over the raw text: encoding, the character rule, references and
// DOCTYPE, each with its position (pugixml checks none of them).
bool XmlReader::check_characters() {
    int reported = 0;
    auto report = [&](std::size_t at, const std::string& message, std::vector<std::string> notes) {
        if (reported++ < 20) diags_.error(map_.at(static_cast<std::ptrdiff_t>(at)), message, std::move(notes));
    };
    std::string_view s(text_);
    enum class In { Markup, Comment, CData, Pi } in = In::Markup;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        if (in == In::Markup) {
            if (starts_with(s, i, "<!--")) in = In::Comment;
            else if (starts_with(s, i, "<![CDATA[")) in = In::CData;
            else if (starts_with(s, i, "<?")) in = In::Pi;
            else if (starts_with(s, i, "<!DOCTYPE") || starts_with(s, i, "<!doctype"))
                report(i, "DOCTYPE declarations are not allowed in the " + what_,
                       {"remove it; write special characters directly (UTF-8) or as &#NNNN;"});
            else if (s[i] == '&') {
                std::size_t semi = s.find(';', i);
                std::string_view ref = semi == std::string_view::npos || semi - i > 40 ? std::string_view()
                                                                                        : s.substr(i + 1, semi - i - 1);
                if (ref.empty()) {
                    report(i, "a bare '&' in the " + what_, {"write it as &amp;"});
                } else if (ref[0] == '#') {
                    bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
                    std::string digits(ref.substr(hex ? 2 : 1));
                    bool ok = !digits.empty() && std::all_of(digits.begin(), digits.end(), [&](char c) {
                        return hex ? std::isxdigit(static_cast<unsigned char>(c)) : std::isdigit(static_cast<unsigned char>(c));
                    });
                    unsigned long long cp = ok ? std::strtoull(digits.c_str(), nullptr, hex ? 16 : 10) : 0;
                    if (!ok) report(i, "malformed character reference &" + std::string(ref) + ";",
                                    {"write &#NNNN; (decimal) or &#xHHHH; (hexadecimal)"});
                    else if (cp > 0x10FFFF || forbidden_character(static_cast<char32_t>(cp)))
                        report(i, "character reference &" + std::string(ref) + "; is " +
                                      why_forbidden(static_cast<char32_t>(std::min(cp, 0x110000ULL))) +
                                      ", which is not allowed",
                               {"remove it; only tab, newline and printable characters are allowed"});
                } else if (ref != "lt" && ref != "gt" && ref != "amp" && ref != "quot" && ref != "apos") {
                    std::vector<std::string> notes = {
                        "XML defines only &lt; &gt; &amp; &quot; &apos;; write the character itself or &#NNNN;"};
                    if (ref == "nbsp") notes.insert(notes.begin(), "for a no-break space write U+00A0 itself or &#160;");
                    report(i, "undefined entity &" + std::string(ref) + "; in the " + what_, notes);
                }
            }
        } else if (in == In::Comment && starts_with(s, i, "-->")) {
            in = In::Markup;
        } else if (in == In::CData && starts_with(s, i, "]]>")) {
            in = In::Markup;
        } else if (in == In::Pi && starts_with(s, i, "?>")) {
            in = In::Markup;
        }
        char32_t cp = utf8_next(s, i);
        bool bad = cp == 0xFFFD && !(i - start == 3 && starts_with(s, start, "\xEF\xBF\xBD"));
        bool overlong = (i - start == 2 && cp < 0x80) || (i - start == 3 && cp < 0x800) ||
                        (i - start == 4 && cp < 0x10000);
        if (bad || overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            report(start, "the file is not valid UTF-8 here", {"save the " + what_ + " as UTF-8"});
        else if (forbidden_character(cp))
            report(start, "character " + code_point_name(cp) + " (" + why_forbidden(cp) + ") is not allowed",
                   {"remove it; only tab, newline and printable characters are allowed"});
    }
    return reported == 0;
}

bool XmlReader::check_after_root(const pugi::xml_document& doc) {
    bool seen_root = false;
    for (auto child : doc.children()) {
        bool is_text = child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata;
        if (is_text && std::string_view(child.value()).find_first_not_of(" \t\r\n") == std::string_view::npos)
            continue;
        if (child.type() == pugi::node_comment || child.type() == pugi::node_pi ||
            child.type() == pugi::node_declaration)
            continue;
        if (child.type() == pugi::node_element && !seen_root) {
            seen_root = true;
            continue;
        }
        diags_.error(pos(child),
                     "content after the root element <" + std::string(doc.document_element().name()) + "> of the " +
                         what_,
                     {"everything must be inside the one root element; remove or move this"});
        return false;
    }
    // pugixml drops text after the root without a word; find it in the raw text.
    std::string_view t(text_);
    std::size_t end = t.rfind("</" + std::string(doc.document_element().name()));
    if (end == std::string_view::npos) return true;  // a self-closed root: nothing to scan from
    end = t.find('>', end);
    for (std::size_t i = end + 1; i < t.size();) {
        if (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n') ++i;
        else if (starts_with(t, i, "<!--") && t.find("-->", i) != std::string_view::npos) i = t.find("-->", i) + 3;
        else if (starts_with(t, i, "<?") && t.find("?>", i) != std::string_view::npos) i = t.find("?>", i) + 2;
        else {
            diags_.error(map_.at(static_cast<std::ptrdiff_t>(i)),
                         "content after the root element <" + std::string(doc.document_element().name()) +
                             "> of the " + what_,
                         {"everything must be inside the one root element; remove or move this"});
            return false;
        }
    }
    return true;
}

namespace {

struct OpenTag {
    std::string name;
    std::size_t at;  // offset of its '<'
};

// The elements open at `offset` (a light scan: comments, CDATA, processing
// instructions, declarations and quoted attribute values are skipped).
std::vector<OpenTag> open_tags(std::string_view t, std::size_t offset) {
    std::vector<OpenTag> stack;
    auto skip_to = [&](std::size_t from, std::string_view end) {
        auto at = t.find(end, from);
        return at == std::string_view::npos ? t.size() : at + end.size();
    };
    for (std::size_t i = 0; i < offset && i < t.size();) {
        if (t[i] != '<') {
            ++i;
            continue;
        }
        if (t.compare(i, 4, "<!--") == 0) i = skip_to(i + 4, "-->");
        else if (t.compare(i, 9, "<![CDATA[") == 0) i = skip_to(i + 9, "]]>");
        else if (t.compare(i, 2, "<?") == 0) i = skip_to(i + 2, "?>");
        else if (t.compare(i, 2, "<!") == 0) i = skip_to(i + 2, ">");
        else if (t.compare(i, 2, "</") == 0) {
            if (!stack.empty()) stack.pop_back();
            i = skip_to(i + 2, ">");
        } else {
            std::size_t start = i, j = i + 1;
            while (j < t.size() && std::string_view(" \t\r\n/>").find(t[j]) == std::string_view::npos) ++j;
            std::string name(t.substr(i + 1, j - i - 1));
            char quote = 0;
            for (; j < t.size(); ++j) {
                if (quote) {
                    if (t[j] == quote) quote = 0;
                } else if (t[j] == '"' || t[j] == '\'') {
                    quote = t[j];
                } else if (t[j] == '>') {
                    break;
                }
            }
            if (j >= t.size()) break;
            if (t[j - 1] != '/') stack.push_back({std::move(name), start});
            i = j + 1;
        }
    }
    return stack;
}

}  // namespace

bool XmlReader::parse(pugi::xml_document& doc, unsigned options) {
    if (!check_characters()) return false;
    auto result = doc.load_buffer(text_.data(), text_.size(), options, pugi::encoding_utf8);
    if (result.status == pugi::status_end_element_mismatch) {
        // A mistyped tag is found at its end; point at where it opens.
        auto close_at = text_.rfind("</", static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset)));
        auto open = open_tags(text_, close_at == std::string::npos ? 0 : close_at);
        if (!open.empty() && close_at != std::string::npos) {
            std::size_t name_end = text_.find_first_of(" \t\r\n>", close_at + 2);
            std::string closer = text_.substr(close_at + 2, name_end == std::string::npos ? 0 : name_end - close_at - 2);
            SourcePosition closed = map_.at(static_cast<std::ptrdiff_t>(close_at));
            diags_.error(map_.at(static_cast<std::ptrdiff_t>(open.back().at)),
                         "malformed XML in the " + what_ + ": <" + open.back().name + "> is closed by </" + closer +
                             "> at line " + std::to_string(closed.line) + ":" + std::to_string(closed.column),
                         {"correct the mistyped tag name, or close <" + open.back().name + "> before </" + closer +
                          ">"});
            return false;
        }
    }
    if (!result) {
        diags_.error(map_.at(result.offset), "malformed XML in the " + what_ + ": " + result.description(),
                     {"fix the XML syntax at this position; every element needs a matching end tag"});
        return false;
    }
    if (!doc.document_element()) {
        diags_.error(map_.at(0), "the " + what_ + " has no root element");
        return false;
    }
    return check_after_root(doc);
}

void XmlReader::check_attributes(const pugi::xml_node& n, const std::vector<std::string>& allowed) {
    for (auto a : n.attributes()) {
        std::string name = a.name();
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        std::string message = "unknown attribute '" + name + "' on <" + n.name() + ">";
        std::string guess = closest_match(name, allowed);
        if (!guess.empty()) message += "; did you mean '" + guess + "'?";
        std::string list;
        for (const auto& x : allowed) list += (list.empty() ? "" : ", ") + x;
        diags_.error(pos(n), message, {allowed.empty() ? "<" + std::string(n.name()) + "> takes no attributes"
                                                       : "allowed here: " + list});
    }
}

}  // namespace ks
