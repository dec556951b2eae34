#include "outline/link_reader.h"

#include <cctype>

namespace ks {
namespace {

// Characters a URL written in running text may contain (RFC 3986, ASCII only:
// a Japanese character ends it, as readers expect).
bool url_char(unsigned char c) {
    return std::isalnum(c) || std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

bool valid_href(const std::string& href, std::string& problem) {
    if (href.empty()) {
        problem = "href is empty";
        return false;
    }
    if (href[0] == '#') {
        if (href.size() == 1) {
            problem = "href=\"#\" names no slide";
            return false;
        }
        return true;
    }
    std::size_t scheme = href.rfind("https://", 0) == 0 ? 8 : href.rfind("http://", 0) == 0 ? 7 : 0;
    if (scheme == 0) {
        problem = "'" + href + "' is not an http:// or https:// URL";
        return false;
    }
    for (unsigned char c : href)
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' || c == '{' || c == '}' ||
            c == '|' || c == '^') {
            problem = "'" + href + "' contains a space or a character a URL cannot hold";
            return false;
        }
    std::size_t host_end = href.find_first_of("/?#", scheme);
    std::string host = href.substr(scheme, host_end == std::string::npos ? std::string::npos : host_end - scheme);
    if (auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
    if (auto colon = host.rfind(':'); colon != std::string::npos && host.find(']') == std::string::npos) {
        std::string port = host.substr(colon + 1);
        host.resize(colon);
        for (char c : port)
            if (!std::isdigit(static_cast<unsigned char>(c))) {
                problem = "'" + href + "' has a bad port";
                return false;
            }
    }
    bool ok = !host.empty() && host.front() != '.' && host.back() != '.' && host.find("..") == std::string::npos;
    for (unsigned char c : host) ok = ok && (std::isalnum(c) || c == '-' || c == '.' || c == '[' || c == ']' || c == ':' || c >= 0x80);
    if (!ok) {
        problem = "'" + href + "' has no valid host name";
        return false;
    }
    return true;
}

std::vector<Span> autolink(const Span& span) {
    std::vector<Span> out;
    const std::string& t = span.text;
    std::size_t done = 0, at = 0;
    auto push = [&](std::size_t from, std::size_t to, const std::string& href) {
        if (to <= from) return;
        Span s = span;
        s.text = t.substr(from, to - from);
        s.href = href;
        out.push_back(std::move(s));
    };
    while (at < t.size()) {
        std::size_t h = t.find("http", at);
        if (h == std::string::npos) break;
        std::size_t scheme = t.compare(h, 8, "https://") == 0 ? 8 : t.compare(h, 7, "http://") == 0 ? 7 : 0;
        bool word_start = h == 0 || !std::isalnum(static_cast<unsigned char>(t[h - 1]));
        if (scheme == 0 || !word_start) {
            at = h + 4;
            continue;
        }
        std::size_t end = h + scheme;
        while (end < t.size() && url_char(static_cast<unsigned char>(t[end]))) ++end;
        // Sentence punctuation and an unmatched closing bracket after a URL are not part of it.
        while (end > h + scheme) {
            char c = t[end - 1];
            if (std::string_view(".,;:!?'").find(c) != std::string_view::npos) { --end; continue; }
            if (c == ')' && t.substr(h, end - h).find('(') == std::string::npos) { --end; continue; }
            break;
        }
        std::string url = t.substr(h, end - h);
        std::string problem;
        if (end == h + scheme || !valid_href(url, problem)) {
            at = end;
            continue;
        }
        push(done, h, span.href);
        push(h, end, url);
        done = at = end;
    }
    if (done == 0) return {span};
    push(done, t.size(), span.href);
    return out;
}

}  // namespace ks
