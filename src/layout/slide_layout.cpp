#include "layout/slide_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "layout/body_layout.h"
#include "layout/chart_layout.h"
#include "layout/structure_recording.h"
#include "layout/text_sizes.h"
#include "util/utf8.h"
#include "util/dates.h"
#include "util/edit_distance.h"

namespace ks {
namespace {

template <class T>
std::size_t count_of(const Slide& s) {
    std::size_t n = 0;
    for (const auto& b : s.blocks) n += std::holds_alternative<T>(b) ? 1 : 0;
    return n;
}

bool is_text_block(const Block& b) {
    return std::holds_alternative<Paragraph>(b) || std::holds_alternative<List>(b) || std::holds_alternative<Quote>(b);
}

// What the content asks for (see choose_layout).
std::string layout_for_content(const Slide& slide, std::size_t index) {
    const auto& blocks = slide.blocks;
    if (blocks.empty()) return index == 0 ? "title" : "section";
    std::size_t n = blocks.size();
    if (n == 1 && std::holds_alternative<Agenda>(blocks[0])) return "agenda";
    if (count_of<Columns>(slide) > 0) {
        if (n == 1) {
            bool headed = true;
            for (const auto& c : std::get<Columns>(blocks[0]).columns) headed = headed && !c.heading.empty();
            if (headed) return "comparison";
        }
        return "two-columns";
    }
    std::size_t images = count_of<Image>(slide);
    if ((images == 1 || count_of<Chart>(slide) == 1) && n == 1) return "image";  // one picture or chart, large
    if (images == 1) {
        bool text_only = true;
        for (const auto& b : blocks) text_only = text_only && (std::holds_alternative<Image>(b) || is_text_block(b));
        if (text_only) return "image-text";
    }
    std::size_t statements = count_of<Quote>(slide) + count_of<FigureNumber>(slide);
    if (statements == n && n <= 4) return "statement";
    if (count_of<Table>(slide) > 0) return "table";
    return "bullets";
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

std::string expand_template(const std::string& tpl, const Deck& deck, const Slide& slide, std::size_t index) {
    std::string s = tpl;
    s = replace_all(s, "{title}", deck.meta.title);
    s = replace_all(s, "{subtitle}", deck.meta.subtitle);
    // The date once: not again in a meta line when the slide's title or
    // subtitle (the cover's falls back to the deck's) already shows it.
    std::string date = iso_to_japanese_date(deck.meta.date);
    std::string shown = slide.title.plain() + "\n" + slide.subtitle.plain();
    if (index == 0 && slide.subtitle.empty()) shown += "\n" + deck.meta.subtitle;
    if (!date.empty() && shown.find(date) != std::string::npos) date.clear();
    s = replace_all(s, "{date}", date);
    s = replace_all(s, "{author}", deck.meta.author);
    s = replace_all(s, "{confidentiality}", deck.meta.confidentiality);
    s = replace_all(s, "{section}", slide.section);
    s = replace_all(s, "{page}", std::to_string(index + 1));
    s = replace_all(s, "{pages}", std::to_string(deck.slides.size()));
    // Drop separators (spaces, U+3000) left dangling by empty fields.
    static const std::string ideographic_space = "\u3000";
    for (;;) {
        if (!s.empty() && s.back() == ' ') s.pop_back();
        else if (s.size() >= 3 && s.compare(s.size() - 3, 3, ideographic_space) == 0) s.resize(s.size() - 3);
        else if (!s.empty() && s.front() == ' ') s.erase(0, 1);
        else if (s.compare(0, 3, ideographic_space) == 0) s.erase(0, 3);
        else return s;
    }
}

class SlideBuilder {
public:
    SlideBuilder(const Deck& deck, std::size_t index, const LayoutSet& set, const TextEngine& text)
        : deck_(deck), slide_(deck.slides[index]), index_(index), set_(set), text_(text) {}

    SlideLayout run() {
        SlideLayout out;
        out.index = index_;
        out.id = slide_.id;
        out.continues = slide_.continues;
        out.layout = choose_layout(slide_, index_, set_);
        out.width = set_.width;
        out.height = set_.height;
        const LayoutSpec* layout = set_.find(out.layout);
        auto frame = std::make_shared<Frame>();
        frame->width = set_.width;
        frame->height = set_.height;
        frame->background = layout && layout->background ? layout->background : set_.background;
        frame_ = frame.get();
        layout_ = layout;
        split_content(layout);
        if (layout && layout->master) {
            drawing_master_ = true;
            draw_layout(set_.master, out);
            drawing_master_ = false;
            structure_.master_items = {0, frame_->items.size()};
        }
        if (layout) draw_layout(*layout, out);
        frame->record = {out.id, out.layout, out.continues, out.boxes};
        record_slide_structure();
        frame->record.structure = std::move(structure_);
        out.frame = std::move(frame);
        out.diags = std::move(diags_);
        return out;
    }

private:
    // The slide's title, section and notes beside the elements drawn.
    void record_slide_structure() {
        structure_.title = slide_.title.plain();
        structure_.section = slide_.section;
        const std::string notes = slide_.notes.plain();
        for (std::size_t at = 0; at < notes.size();) {
            std::size_t end = notes.find("\n\n", at);
            std::string paragraph = notes.substr(at, end == std::string::npos ? std::string::npos : end - at);
            if (!paragraph.empty()) structure_.notes.push_back(std::move(paragraph));
            if (end == std::string::npos) break;
            at = end + 2;
        }
    }

    // Body blocks, the image of an `image` box and the caption of a `caption` box.
    void split_content(const LayoutSpec* layout) {
        body_ = slide_.blocks;
        if (!layout) return;
        if (auto slot = image_slot(*layout, slide_)) {
            slot_image_ = std::get<Image>(slide_.blocks[*slot]);
            body_ = body_blocks(*layout, slide_);
        }
        if (!layout->box("caption")) return;
        Image* captioned = slot_image_ ? &*slot_image_ : nullptr;
        if (!captioned) {
            for (auto& b : body_)
                if (auto* im = std::get_if<Image>(&b)) {
                    if (captioned) return;  // several images: each keeps its own caption
                    captioned = im;
                }
        }
        if (!captioned) return;
        caption_ = captioned->caption;
        captioned->caption = {};
    }

    void draw_layout(const LayoutSpec& layout, SlideLayout& out) {
        const std::size_t first_item = frame_->items.size();
        for (const auto& r : layout.rects) {
            Shape s;
            s.w = r.w;
            s.h = r.h;
            s.fill = r.fill;
            s.stroke = r.stroke;
            s.stroke_width = r.stroke_width;
            frame_->push({r.x, r.y}, s);
        }
        for (const auto& logo : layout.logos) {
            double k = std::min(logo.w / logo.image_w, logo.h / logo.image_h);
            double w = logo.image_w * k, h = logo.image_h * k;
            frame_->push({logo.x + (logo.w - w) / 2, logo.y + (logo.h - h) / 2}, ImageItem{logo.path, w, h, logo.format});
            StructElement e;
            e.kind = StructKind::Furniture;
            e.furniture = "logo";
            e.from_master = drawing_master_;
            e.x = logo.x + (logo.w - w) / 2, e.y = logo.y + (logo.h - h) / 2, e.w = w, e.h = h;
            e.items = {frame_->items.size() - 1, frame_->items.size()};
            e.image = {logo.path, logo.path, "", logo.format};
            structure_.elements.push_back(std::move(e));
        }
        if (!drawing_master_) structure_.layout_items = {first_item, frame_->items.size()};
        for (const auto& box : layout.boxes) {
            box_first_item_ = frame_->items.size();  // a box's fill is drawn with it
            if (box.fill) {
                Shape s;
                s.w = box.w;
                s.h = box.h;
                s.fill = box.fill;
                frame_->push({box.x, box.y}, s);
            }
            if (box.role == "body") draw_body(box, out);
            else if (box.role == "image" && box.text.empty()) draw_image_box(box, out);
            else if (box.role == "caption" && box.text.empty()) draw_text_box(box, caption_, out);
            else if (box.role == "title" && box.text.empty()) draw_text_box(box, slide_.title, out);
            else if (box.role == "subtitle" && box.text.empty()) draw_text_box(box, subtitle(), out);
            else if (!box.text.empty()) {
                std::string s = expand_template(box.text, deck_, slide_, index_);
                if (!s.empty()) draw_text_box(box, plain_text(s), out);
                const bool furniture = drawing_master_ || box.role == "footer" || box.role == "confidentiality" ||
                                       box.role == "page-number";
                if (!s.empty() && !structure_.elements.empty()) {
                    StructElement& e = structure_.elements.back();
                    e.kind = furniture ? StructKind::Furniture : StructKind::Text;
                    e.furniture = box.role;
                    e.from_master = drawing_master_;
                    e.field_text = field_text(box.text);
                }
            }
        }
    }

    bool is_cover() const { return index_ == 0 && layout_ && layout_->name == "title"; }

    RichText subtitle() const {
        if (!slide_.subtitle.empty()) return slide_.subtitle;
        // The cover (a first slide in the title layout) falls back to the
        // deck's subtitle; a first slide of any other kind (an agenda) does not.
        if (is_cover() && !deck_.meta.subtitle.empty()) return plain_text(deck_.meta.subtitle);
        return {};
    }

    // Sets one rich text in a box, shrinking from the box's size towards its
    // min-size until it fits; reports what still does not.
    void draw_text_box(const BoxSpec& box, const RichText& text, SlideLayout& out) {
        RichText content = text;
        if (content.empty() && box.role == "title" && index_ == 0) content = plain_text(deck_.meta.title);
        if (content.empty()) return;
        TextStyle style = box.style;
        TextBlock block;
        double size = box.style.size;
        auto fits = [&] { return block.height <= box.h + 0.01 && !block.overfull(); };
        for (;;) {
            style.size = size;
            block = text_.set(content, style, box.w);
            if (fits() || size <= box.min_size) break;
            size = std::max(box.min_size, size - 1);
        }
        if (box.style.heading && fits()) prefer_whole_words(box, content, style, size, block);
        // Below min-size only as a last resort, with a warning: a title drawn
        // over the body or off its box is never acceptable.
        while (!fits() && size > kLastResortSize) {
            size = std::max(kLastResortSize, size - 1);
            style.size = size;
            block = text_.set(content, style, box.w);
            if (fits()) report_text_box_below_min(box, content.where, size);
        }
        bool overflow = !fits();
        double dy = vertical_offset(box, block.height);
        DumpBox dump{box.role, box.x, box.y, box.w, box.h, overflow, size, {}, {}, {}, {}, {}};
        const std::size_t text_item = frame_->items.size();
        // Structure: the title is the slide's H1, subtitle and caption are
        // paragraphs; template boxes (footer, page number) are furniture.
        std::shared_ptr<const StructTag> tag;
        if (box.text.empty() && (box.role == "title" || box.role == "subtitle" || box.role == "caption"))
            tag = std::make_shared<const StructTag>(StructTag{box.role == "title" ? "H1" : "P", {}, nullptr});
        for (const auto& line : block.lines) {
            for (const auto& pr : line.runs) frame_->push({box.x + pr.origin.x, box.y + dy + pr.origin.y}, pr.run, tag);
            dump.lines.push_back({line.text, box.x + line.x, box.y + dy + line.top, line.width,
                                  size * style.line_height, box.y + dy + line.baseline, size, line.overfull,
                                  line.segment});
        }
        record_text_box(box, block, dy, text_item);
        report_missing(block.missing);
        if (overflow) report_text_box_overflow(box, content.where, size);
        out.boxes.push_back(std::move(dump));
    }

    // A title, subtitle, caption or furniture text as one element at its box.
    void record_text_box(const BoxSpec& box, const TextBlock& block, double dy, std::size_t text_item) {
        StructElement e;
        e.kind = box.role == "title" ? StructKind::Title : box.role == "subtitle" ? StructKind::Subtitle
                                                                                : StructKind::Caption;
        e.x = box.x, e.y = box.y, e.w = box.w, e.h = box.h;
        e.items = {box_first_item_, frame_->items.size()};
        StructParagraph p = struct_paragraph(block, box.x, box.y + dy, box.style.mono_family,
                                             {text_item, frame_->items.size()});
        p.align = struct_align(box.style.align);
        e.paragraphs.push_back(std::move(p));
        structure_.elements.push_back(std::move(e));
    }

    // A furniture template with the deck's fields filled in and the slide's
    // own ({page}, {section}) left for writers that have fields.
    std::string field_text(const std::string& tpl) const {
        std::string s = replace_all(tpl, "{page}", "\x01");
        s = replace_all(s, "{section}", "\x02");
        s = expand_template(s, deck_, slide_, index_);
        s = replace_all(s, "\x01", "{page}");
        return replace_all(s, "\x02", "{section}");
    }

    // A heading broken inside a word (セキュリティインシ|デント, a URL at
    // '/') is set a step or more smaller, down to min-size, when that keeps
    // every word whole; otherwise it stays as it was.
    void prefer_whole_words(const BoxSpec& box, const RichText& content, TextStyle& style, double& size,
                            TextBlock& block) const {
        auto broken = [](const TextBlock& b) {
            return std::any_of(b.lines.begin(), b.lines.end(), [](const TextLine& l) { return l.inside_word; });
        };
        if (!broken(block)) return;
        for (double s = size - 1; s >= box.min_size - 1e-9; s -= 1) {
            TextStyle smaller = style;
            smaller.size = s;
            TextBlock b = text_.set(content, smaller, box.w);
            if (b.height <= box.h + 0.01 && !b.overfull() && !broken(b)) {
                style = smaller, size = s, block = std::move(b);
                return;
            }
        }
    }

    // The image of an image-text slide, as large as its box allows.
    void draw_image_box(const BoxSpec& spec, SlideLayout& out) {
        if (!slot_image_) return;
        const BoxSpec box = layout_ ? content_box_for(*layout_, slide_, "image").value_or(spec) : spec;
        Diagnostics d;
        BodyResult r = layout_body({*slot_image_}, box, box.style.size, text_, d);
        diags_.append(d);
        bool overflow = r.height > box.h + 0.01 || r.image_squeezed;
        DumpBox dump = place(box, r, box.style.size, overflow);
        report_missing(r.missing);
        if (overflow) report_overflow(box, slot_image_->where, r.height, box.style.size, r);
        out.boxes.push_back(std::move(dump));
    }

    void draw_body(const BoxSpec& spec, SlideLayout& out) {
        if (body_.empty()) return;
        const BoxSpec box = layout_ ? body_box_for(*layout_, slide_).value_or(spec) : spec;
        auto attempt = [&](double size, Diagnostics& d) { return layout_body(body_, box, size, text_, d); };
        auto fits = [&](const BodyResult& r) { return r.height <= box.h + 0.01 && !r.overfull && !r.image_squeezed; };
        Diagnostics d;
        // A piece of a continued run is set at the run's size; any other body
        // at the largest size (½ pt steps) down to its floors that fits.
        double size = slide_.fit_size > 0 ? slide_.fit_size : box.style.size;
        BodyResult result = attempt(size, d);
        const double lowest = lowest_fit_size(box);
        if (!fits(result) && lowest < size) {
            double lo = lowest, hi = size;  // lo: candidate, hi: known too big
            Diagnostics dl;
            BodyResult low = attempt(lo, dl);
            if (fits(low)) {
                while (hi - lo > 0.5) {
                    double mid = std::floor((lo + hi) / 2 * 2) / 2;
                    if (mid <= lo) break;
                    Diagnostics dm;
                    BodyResult r = attempt(mid, dm);
                    if (fits(r)) lo = mid, low = std::move(r), dl = std::move(dm);
                    else hi = mid;
                }
            }
            size = lo;
            result = std::move(low);
            d = std::move(dl);
        }
        diags_.append(d);
        bool overflow = !fits(result);
        std::string shrank = slide_.fit_size > 0 ? std::string() : describe_shrink(box, size, result.lines);
        DumpBox dump = place(box, result, drawn_body_size(box, size), overflow);
        if (!shrank.empty() && !overflow)
            diags_.add({Severity::Note, slide_.where, "slide '" + slide_.id + "': " + shrank, {}});
        report_missing(result.missing);
        if (!result.split_word.empty()) report_torn_word(box, result.split_word);
        if (overflow) report_overflow(box, slide_.where, result.height, size, result);
        out.boxes.push_back(std::move(dump));
    }

    // Moves a laid-out body (relative to its box) onto the slide: its items
    // into the frame, its lines, images, cells and columns into the record.
    DumpBox place(const BoxSpec& box, BodyResult& r, double size, bool overflow) {
        const double dy = vertical_offset(box, r.height);
        const std::size_t first_item = frame_->items.size();
        for (auto& item : r.items)
            frame_->push({box.x + item.pos.x, box.y + dy + item.pos.y}, std::move(item.item), std::move(item.tag));
        DumpBox dump{box.role, box.x, box.y, box.w, box.h, overflow, size, {}, {}, {}, {}, {}};
        for (auto& line : r.lines) {
            line.x += box.x;
            line.y += box.y + dy;
            line.baseline += box.y + dy;
            dump.lines.push_back(std::move(line));
        }
        for (auto& image : r.images) {
            image.x += box.x;
            image.y += box.y + dy;
            dump.images.push_back(std::move(image));
        }
        for (auto& cell : r.cells) {
            cell.x += box.x;
            cell.y += box.y + dy;
            dump.cells.push_back(std::move(cell));
        }
        for (const auto& column : r.columns)
            dump.columns.push_back({box.x + column.x, box.y + dy + column.y, column.w, column.h});
        for (auto& chart : r.charts) {
            offset_chart(chart, box.x, box.y + dy);
            dump.charts.push_back(std::move(chart));
        }
        for (auto& e : r.elements) {
            shift_element(e, box.x, box.y + dy, first_item);
            structure_.elements.push_back(std::move(e));
        }
        return dump;
    }

    double vertical_offset(const BoxSpec& box, double content_h) const {
        if (content_h >= box.h) return 0;
        if (box.valign == VAlign::Middle) return (box.h - content_h) / 2;
        if (box.valign == VAlign::Bottom) return box.h - content_h;
        return 0;
    }

    void report_missing(const std::vector<MissingCharacter>& missing) {
        for (const auto& m : missing) {
            SourcePosition where = m.where.known() ? m.where : slide_.where;
            diags_.warning(where,
                           "character " + code_point_name(m.code_point) + " '" + utf8_encode(m.code_point) +
                               "' is in none of the configured fonts; it is drawn as an empty box",
                           {"add a TrueType font that has it to fonts/user/, or write the character differently"});
        }
    }

    // Pagination moves whatever can move to continuation slides; what is
    // left over is a single unbreakable thing, which is never clipped silently.
    void report_overflow(const BoxSpec& box, const SourcePosition& where, double height, double size,
                         const BodyResult& r) {
        if (r.table_min_width > box.w + 0.5) {  // too many columns: say how wide it would need to be
            char need[96];
            std::snprintf(need, sizeof need, "%.0f pt wide with every column at its longest word; the box is %.0f pt",
                          r.table_min_width, box.w);
            diags_.error(where.known() ? where : slide_.where,
                         "slide '" + slide_.id + "': a table in the " + box.role + " does not fit its width: it needs " +
                             need,
                         {"split it into several tables with fewer columns, shorten the longest words, or set a "
                          "smaller cell-min-size in the layout set"});
            return;
        }
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0f pt", std::max(0.0, height - box.h));
        diags_.error(where.known() ? where : slide_.where,
                     "slide '" + slide_.id + "': the " + box.role + " does not fit its box even at " +
                         format_size(main_drawn_size(box, size, r.lines)) + " pt (" + buf +
                         " too tall, or a word wider than the box)",
                     {"shorten the item or break the long word; a single item must fit one slide"});
    }

    // A token with no break point of its own (a 40-digit number, a hash)
    // wider than the box is torn at its last fitting character: the slide is
    // not shrunk for it, and the author is told. URLs and paths break at
    // '/', '?', '&' … and never come here.
    void report_torn_word(const BoxSpec& box, const std::string& line) {
        std::string shown;  // the line, at most 60 characters of it
        std::size_t i = 0;
        for (int n = 0; i < line.size() && n < 60; ++n) utf8_append(shown, utf8_next(line, i));
        if (i < line.size()) shown += "…";
        diags_.warning(slide_.where,
                       "slide '" + slide_.id + "': a word with no break point is wider than the " + box.role +
                           " box; it is broken at the end of the line '" + shown + "'",
                       {"put a space, '/' or '-' in it, or shorten it"});
    }

    static constexpr double kLastResortSize = 8;

    void report_text_box_below_min(const BoxSpec& box, const SourcePosition& where, double size) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "the %s does not fit its box at its min-size %g pt; set at %g pt",
                      box.role.c_str(), box.min_size, size);
        diags_.warning(where.known() ? where : slide_.where, "slide '" + slide_.id + "': " + buf,
                       {"shorten the " + box.role + " text"});
    }

    // Titles, subtitles and furniture never continue; drawn too big they
    // would cover the body or the footer.
    void report_text_box_overflow(const BoxSpec& box, const SourcePosition& where, double size) {
        diags_.error(where.known() ? where : slide_.where,
                     "slide '" + slide_.id + "': the " + box.role + " does not fit its box (" +
                         std::to_string(static_cast<int>(box.w)) + " x " + std::to_string(static_cast<int>(box.h)) +
                         " pt) even at " + std::to_string(static_cast<int>(size)) + " pt",
                     {"shorten the " + box.role + " text"});
    }

    const Deck& deck_;
    const Slide& slide_;
    std::size_t index_;
    const LayoutSet& set_;
    const TextEngine& text_;
    Frame* frame_ = nullptr;
    const LayoutSpec* layout_ = nullptr;
    std::vector<Block> body_;
    std::optional<Image> slot_image_;
    RichText caption_;
    Diagnostics diags_;
    SlideStructure structure_;
    bool drawing_master_ = false;
    std::size_t box_first_item_ = 0;
};

}  // namespace

std::string choose_layout(const Slide& slide, std::size_t index, const LayoutSet& set) {
    if (!slide.layout.empty() && set.find(slide.layout)) return slide.layout;
    std::string want = layout_for_content(slide, index);
    if (set.find(want)) return want;
    // A set without the newer layouts: the older choice.
    if (!slide.blocks.empty() && count_of<Table>(slide) > 0 && set.find("table")) return "table";
    if (set.find("bullets")) return "bullets";
    return set.layouts.empty() ? "" : set.layouts.begin()->first;
}

void check_layout_names(const Deck& deck, const LayoutSet& set, Diagnostics& diags) {
    auto names = set.names();
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    for (const auto& slide : deck.slides) {
        if (slide.layout.empty() || set.find(slide.layout)) continue;
        std::string guess = closest_match(slide.layout, names);
        diags.error(slide.where,
                    "unknown layout '" + slide.layout + "'" + (guess.empty() ? "" : "; did you mean '" + guess + "'?"),
                    {"layouts in " + set.file + ": " + list});
    }
}

std::optional<std::size_t> image_slot(const LayoutSpec& layout, const Slide& slide) {
    if (!layout.box("image")) return std::nullopt;
    for (std::size_t i = 0; i < slide.blocks.size(); ++i)
        if (std::holds_alternative<Image>(slide.blocks[i])) return i;
    return std::nullopt;
}

std::vector<Block> body_blocks(const LayoutSpec& layout, const Slide& slide) {
    std::vector<Block> out = slide.blocks;
    if (auto slot = image_slot(layout, slide)) out.erase(out.begin() + static_cast<std::ptrdiff_t>(*slot));
    return out;
}

std::optional<BoxSpec> body_box_for(const LayoutSpec& layout, const Slide& slide) {
    return content_box_for(layout, slide, "body");
}

std::optional<BoxSpec> content_box_for(const LayoutSpec& layout, const Slide& slide, const std::string& role) {
    const BoxSpec* body = layout.box(role);
    if (!body) return std::nullopt;
    BoxSpec box = *body;
    const BoxSpec* sub = layout.box("subtitle");
    if (sub && !slide.subtitle.empty() && sub->text.empty()) {
        // The subtitle takes the top of the body box when they overlap.
        double below = sub->y + sub->h + 6;
        bool overlaps = sub->x < box.x + box.w && box.x < sub->x + sub->w && sub->y < box.y + box.h && box.y < below;
        if (overlaps && below < box.y + box.h) {
            box.h -= below - box.y;
            box.y = below;
        }
    }
    return box;
}

SlideLayout layout_slide(const Deck& deck, std::size_t index, const LayoutSet& set, const TextEngine& text) {
    return SlideBuilder(deck, index, set, text).run();
}

}  // namespace ks
