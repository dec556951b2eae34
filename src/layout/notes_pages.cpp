#include "layout/notes_pages.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "layout/set_lines.h"
#include "util/utf8.h"

namespace ks {

std::vector<RichText> note_paragraphs(const RichText& text) {
    std::vector<RichText> out(1);
    out.back().where = text.where;
    for (const Span& sp : text.spans) {
        std::size_t start = 0;
        while (true) {
            const auto brk = sp.text.find("\n\n", start);
            Span piece = sp;
            piece.text = sp.text.substr(start, brk == std::string::npos ? std::string::npos : brk - start);
            if (!piece.text.empty()) out.back().spans.push_back(piece);
            if (brk == std::string::npos) break;
            out.emplace_back();
            out.back().where = sp.where;
            start = brk + 2;
            while (start < sp.text.size() && sp.text[start] == '\n') ++start;
        }
    }
    std::vector<RichText> kept;
    for (auto& p : out) {
        while (!p.spans.empty()) {
            auto& t = p.spans.front().text;
            const auto n = t.find_first_not_of(" \n");
            if (n == std::string::npos) p.spans.erase(p.spans.begin());
            else { t.erase(0, n); break; }
        }
        while (!p.spans.empty()) {
            auto& t = p.spans.back().text;
            const auto n = t.find_last_not_of(" \n");
            if (n == std::string::npos) p.spans.pop_back();
            else { t.erase(n + 1); break; }
        }
        if (!p.empty()) kept.push_back(std::move(p));
    }
    return kept;
}

namespace {

class NotesLayout {
public:
    NotesLayout(const ContentSpec& spec, const TextEngine& text, Diagnostics& diags)
        : spec_(spec), text_(text), diags_(diags) {}

    std::vector<ContentPage> run(const Deck& deck) {
        const std::size_t n = std::min(deck.slides.size(), spec_.aspects.size());
        for (std::size_t i = 0; i < n; ++i) slide_pages(deck.slides[i], i);
        return std::move(pages_);
    }

private:
    ContentPage& new_page(const Slide& slide) {
        pages_.emplace_back();
        pages_.back().section = slide.section;
        return pages_.back();
    }

    void heading(ContentPage& page, const std::string& s, double y) {
        push_label(page.items, text_, s, head_, 0, y + 9, Align::Left);
        page.items.push_back({{0, y + 14}, line_shape(spec_.width, 0, print::kRule, 0.5)});
    }

    void slide_pages(const Slide& slide, std::size_t i) {
        const double W = spec_.width, H = spec_.height;
        ContentPage* page = &new_page(slide);
        const double aspect = spec_.aspects[i];
        const double sw = std::min(W * 0.8, H * 0.42 * aspect);
        const double sh = sw / aspect;
        page->slides.push_back({i, (W - sw) / 2, 0, sw, false, 0});
        double y = sh + 22;
        heading(*page, "スライド " + std::to_string(i + 1) + " のノート", y);
        y += 26;
        const auto paras = note_paragraphs(slide.notes);
        if (paras.empty()) {
            push_label(page->items, text_, "（ノートはありません。メモ欄としてお使いください）",
                       spec_.fonts.style(9, print::kMuted), 0, y + 9, Align::Left);
            print::note_lines(page->items, 0, W, y + 12, H);
            return;
        }
        bool first = true;
        for (const RichText& para : paras) {
            if (!first) y += body_.size * 0.6;  // paragraph space
            first = false;
            const TextBlock b = text_.set(para, body_, W);
            report_missing(b);
            const std::size_t n = b.lines.size();
            for (std::size_t k = 0; k < n; ++k) {
                const double h = line_height_in(b, k);
                // No lone first line at a page foot (orphan) and no lone
                // last line at a page head (widow): move two lines over.
                const bool fits_one = y + h <= H + 0.01;
                const bool fits_two = y + 2 * h <= H + 0.01;
                const bool keep_two = n >= 2 && (k == 0 || k + 2 == n) && fits_one && !fits_two;
                if (!fits_one || (keep_two && y > 30)) {
                    page = &new_page(slide);
                    heading(*page, "スライド " + std::to_string(i + 1) + " のノート（続き）", 0);
                    y = 26;
                }
                push_line(page->items, b.lines[k], 0, y);
                y += h;
            }
        }
        // Room left on the page becomes ruled space for the reader's own notes.
        if (H - y >= 4 * print::kNoteSpacing + 20) {
            y += 14;
            push_label(page->items, text_, "メモ", head_, 0, y + 9, Align::Left);
            print::note_lines(page->items, 0, W, y + 12, H);
        }
    }

    // Notes appear only in the handout, so their missing characters are reported here.
    void report_missing(const TextBlock& b) {
        for (const auto& m : b.missing)
            if (reported_.insert({m.code_point, m.where.line, m.where.column}).second)
                diags_.warning(m.where, "character " + code_point_name(m.code_point) + " '" + utf8_encode(m.code_point) +
                                            "' in the speaker notes is in none of the configured fonts; "
                                            "the handout shows an empty box",
                               {"add a TrueType font that has it to fonts/user/, or write the character differently"});
    }

    const ContentSpec& spec_;
    const TextEngine& text_;
    Diagnostics& diags_;
    const TextStyle body_ = spec_.fonts.style(11, print::kText, false, 1.75);
    const TextStyle head_ = spec_.fonts.style(9, print::kMuted, true);
    std::vector<ContentPage> pages_;
    std::set<std::tuple<char32_t, int, int>> reported_;
};

}  // namespace

std::vector<ContentPage> layout_notes_pages(const Deck& deck, const ContentSpec& spec, const TextEngine& text,
                                            Diagnostics& diags) {
    return NotesLayout(spec, text, diags).run(deck);
}

}  // namespace ks
