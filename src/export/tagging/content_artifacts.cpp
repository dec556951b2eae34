#include "export/tagging/content_artifacts.h"

#include <cstddef>
#include <vector>

namespace ks {
namespace {

bool is_space(char c) { return c == '\0' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }
bool is_delimiter(char c) {
    switch (c) {
    case '(': case ')': case '<': case '>': case '[': case ']': case '{': case '}': case '/': case '%':
        return true;
    default:
        return false;
    }
}
bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

enum class Kind { Operand, Name, Integer, DictClose, Operator };
struct Token {
    Kind kind;
    std::size_t begin, end;
};

// PDF content syntax, token by token; whitespace and comments are skipped
// (they are copied with the operands around them).
class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {}

    bool next(Token& t) {
        skip_space_and_comments();
        if (p_ >= s_.size()) return false;
        const std::size_t b = p_;
        const char c = s_[p_];
        Kind kind = Kind::Operand;
        if (c == '(') {
            literal_string();
        } else if (c == '<') {
            if (b + 1 < s_.size() && s_[b + 1] == '<') p_ += 2;
            else hex_string();
        } else if (c == '>') {
            const bool close = b + 1 < s_.size() && s_[b + 1] == '>';
            p_ += close ? 2 : 1;
            if (close) kind = Kind::DictClose;
        } else if (c == '/') {
            ++p_;
            while (p_ < s_.size() && is_regular(s_[p_])) ++p_;
            kind = Kind::Name;
        } else if (is_delimiter(c)) {  // [ ] { } and a stray )
            ++p_;
        } else {
            while (p_ < s_.size() && is_regular(s_[p_])) ++p_;
            kind = word_kind(s_.substr(b, p_ - b));
        }
        t = {kind, b, p_};
        return true;
    }

    // After the ID operator: the image data, up to the EI operator.
    void skip_inline_image() {
        if (p_ < s_.size() && is_space(s_[p_])) ++p_;
        for (; p_ + 2 <= s_.size(); ++p_)
            if (s_.compare(p_, 2, "EI") == 0 && p_ > 0 && is_space(s_[p_ - 1]) &&
                (p_ + 2 == s_.size() || !is_regular(s_[p_ + 2])))
                return;
        p_ = s_.size();
    }

private:
    void skip_space_and_comments() {
        while (p_ < s_.size()) {
            if (is_space(s_[p_])) {
                ++p_;
            } else if (s_[p_] == '%') {
                while (p_ < s_.size() && s_[p_] != '\n' && s_[p_] != '\r') ++p_;
            } else {
                return;
            }
        }
    }
    void literal_string() {
        int depth = 0;
        do {
            const char c = s_[p_];
            if (c == '\\') ++p_;
            else if (c == '(') ++depth;
            else if (c == ')') --depth;
            ++p_;
        } while (depth > 0 && p_ < s_.size());
        if (p_ > s_.size()) p_ = s_.size();
    }
    void hex_string() {
        const std::size_t close = s_.find('>', p_ + 1);
        p_ = close == std::string_view::npos ? s_.size() : close + 1;
    }
    static Kind word_kind(std::string_view w) {
        if (w == "true" || w == "false" || w == "null") return Kind::Operand;
        std::size_t i = (w[0] == '+' || w[0] == '-') ? 1 : 0;
        bool digits = i < w.size(), real = false;
        for (; i < w.size(); ++i) {
            if (w[i] == '.' && !real) real = true;
            else if (w[i] < '0' || w[i] > '9') return Kind::Operator;
        }
        if (!digits) return Kind::Operator;
        return real ? Kind::Operand : Kind::Integer;
    }

    std::string_view s_;
    std::size_t p_ = 0;
};

class Marker {
public:
    explicit Marker(std::string_view s) : s_(s) { out_.reserve(s.size() + s.size() / 8 + 64); }

    std::string run() {
        Scanner scan(s_);
        Token t{};
        while (scan.next(t)) {
            if (t.kind != Kind::Operator) {
                operands_.push_back(t);
                continue;
            }
            on_operator(t);
            if (word(t) == "ID") scan.skip_inline_image();
        }
        copy_operands(s_.size());
        if (in_artifact_) close_artifact();
        return std::move(out_);
    }

private:
    std::string_view word(const Token& t) const { return s_.substr(t.begin, t.end - t.begin); }

    void on_operator(const Token& op) {
        const std::string_view w = word(op);
        if (w == "BDC" || w == "BMC") {
            // Structure content carries an /MCID; other sequences (Cairo's
            // /Span /ActualText) are part of whatever surrounds them.
            std::string mcid = operand_mcid();
            if (depth_ == 0 && !mcid.empty() && in_artifact_) close_artifact();
            if (depth_ == 0 && mcid.empty() && !in_artifact_) open_artifact();
            std::size_t insert_at = std::string_view::npos;
            if (mcid.empty() && !mcids_.empty() && !mcids_.back().empty() && w == "BDC")
                for (std::size_t i = operands_.size(); i-- > 0;)
                    if (operands_[i].kind == Kind::DictClose) {
                        insert_at = operands_[i].begin;
                        mcid = mcids_.back();
                        break;
                    }
            copy_operands(op.end, insert_at, "/MCID " + mcid);
            mcids_.push_back(mcid.empty() && !mcids_.empty() ? mcids_.back() : mcid);
            ++depth_;
            return;
        }
        if (w == "EMC") {
            copy_operands(op.end);
            if (depth_ > 0) --depth_;
            if (!mcids_.empty()) mcids_.pop_back();
            return;
        }
        if (depth_ == 0 && !in_artifact_) open_artifact();
        copy_operands(op.end);
    }

    // The integer after the first /MCID among the operands, or "".
    std::string operand_mcid() const {
        for (std::size_t i = 0; i + 1 < operands_.size(); ++i)
            if (operands_[i].kind == Kind::Name && word(operands_[i]) == "/MCID")
                for (std::size_t k = i + 1; k < operands_.size(); ++k)
                    if (operands_[k].kind == Kind::Integer) return std::string(word(operands_[k]));
        return {};
    }

    // Copies the input up to `end` (the operands and their operator), with
    // `insert` before `insert_at` when that is inside.
    void copy_operands(std::size_t end, std::size_t insert_at = std::string_view::npos, const std::string& insert = {}) {
        if (insert_at >= copied_ && insert_at < end) {
            out_.append(s_.substr(copied_, insert_at - copied_));
            out_ += insert;
            copied_ = insert_at;
        }
        out_.append(s_.substr(copied_, end - copied_));
        copied_ = end;
        operands_.clear();
    }
    void open_artifact() {
        out_ += "/Artifact BMC\n";
        in_artifact_ = true;
    }
    void close_artifact() {
        out_ += "\nEMC\n";
        in_artifact_ = false;
    }

    std::string_view s_;
    std::string out_;
    std::size_t copied_ = 0;        // input before this is in out_
    std::vector<Token> operands_;   // since the last operator
    int depth_ = 0;
    std::vector<std::string> mcids_;  // per open sequence: its MCID, or the enclosing one
    bool in_artifact_ = false;
};

}  // namespace

std::string mark_content_artifacts(std::string_view content) { return Marker(content).run(); }

}  // namespace ks
