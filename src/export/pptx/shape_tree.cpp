#include "export/pptx/shape_tree.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "export/pptx/pptx_xml.h"
#include "export/pptx/text_body.h"

namespace ks::pptx {
namespace {

void xfrm(pugi::xml_node parent, const char* name, double x, double y, double w, double h) {
    auto x_node = parent.append_child(name);
    auto off = x_node.append_child("a:off");
    set_num(off, "x", emu(x));
    set_num(off, "y", emu(y));
    auto ext = x_node.append_child("a:ext");
    set_num(ext, "cx", std::max<std::int64_t>(0, emu(w)));
    set_num(ext, "cy", std::max<std::int64_t>(0, emu(h)));
}

void preset(pugi::xml_node sp_pr, const char* geometry) {
    auto geom = sp_pr.append_child("a:prstGeom");
    geom.append_attribute("prst") = geometry;
    geom.append_child("a:avLst");
}

void line_props(pugi::xml_node sp_pr, const std::optional<Color>& stroke, double width) {
    auto ln = sp_pr.append_child("a:ln");
    if (!stroke) {
        ln.append_child("a:noFill");
        return;
    }
    set_num(ln, "w", emu(width));
    solid_fill(ln, *stroke);
}

// The fill or stroke colour of the decoration just before a paragraph's
// items (a list's bullet, or its number's run).
std::optional<Color> marker_color(const StructParagraph& p, const Frame& frame) {
    if (p.items.begin == 0 || p.items.begin > frame.items.size()) return std::nullopt;
    const Item& before = frame.items[p.items.begin - 1].item;
    if (const auto* s = std::get_if<Shape>(&before)) return s->fill ? s->fill : s->stroke;
    if (const auto* r = std::get_if<GlyphRun>(&before)) return r->color;
    return std::nullopt;
}

// The bounds of a path's points.
struct Bounds {
    double x0 = std::numeric_limits<double>::max(), y0 = x0;
    double x1 = std::numeric_limits<double>::lowest(), y1 = x1;
    void add(Point p) {
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
};

int points_of(PathOp::Kind kind) {
    return kind == PathOp::Kind::CurveTo ? 3 : kind == PathOp::Kind::Close ? 0 : 1;
}

}  // namespace

ShapeTree::ShapeTree(pugi::xml_node tree, Relationships& rels, MediaStore& media,
                     const std::map<std::string, std::size_t>* slides, ChartStore* charts)
    : tree_(tree), rels_(rels), media_(media), slides_(slides), charts_(charts) {
    auto nv = tree_.append_child("p:nvGrpSpPr");
    auto c = nv.append_child("p:cNvPr");
    c.append_attribute("id") = 1;
    c.append_attribute("name") = "";
    nv.append_child("p:cNvGrpSpPr");
    nv.append_child("p:nvPr");
    auto grp = tree_.append_child("p:grpSpPr").append_child("a:xfrm");
    for (const char* n : {"a:off", "a:ext", "a:chOff", "a:chExt"}) {
        auto node = grp.append_child(n);
        bool ext = n[2] == 'e' || n[4] == 'E';
        node.append_attribute(ext ? "cx" : "x") = 0;
        node.append_attribute(ext ? "cy" : "y") = 0;
    }
}

// A web address, or "#id" of a slide: a jump to that slide.
void ShapeTree::link(pugi::xml_node rpr, const std::string& target) {
    auto click = rpr.append_child("a:hlinkClick");
    if (target.rfind('#', 0) != 0) {
        click.append_attribute("r:id") = rels_.add_external("hyperlink", target).c_str();
        return;
    }
    auto it = slides_ ? slides_->find(target.substr(1)) : decltype(slides_->end()){};
    if (!slides_ || it == slides_->end()) {
        rpr.remove_child(click);
        return;
    }
    click.append_attribute("r:id") = rels_.add("slide", "slide" + std::to_string(it->second + 1) + ".xml").c_str();
    click.append_attribute("action") = "ppaction://hlinksldjump";
}

TextContext ShapeTree::context(const Frame* frame) {
    TextContext c;
    if (frame) c.marker = [frame](const StructParagraph& p) { return marker_color(p, *frame); };
    c.link = [this](pugi::xml_node rpr, const std::string& target) { link(rpr, target); };
    return c;
}

// Every drawn object's p:cNvPr: the next id, a name with that number
// ("Chart 7"), and its alt text as descr when it has one.
void ShapeTree::numbered_name(pugi::xml_node nv, const std::string& name, const std::string& descr) {
    auto c = nv.append_child("p:cNvPr");
    c.append_attribute("id") = next_id_;
    c.append_attribute("name") = (name + " " + std::to_string(next_id_)).c_str();
    if (!descr.empty()) c.append_attribute("descr") = descr.c_str();
    ++next_id_;
}

pugi::xml_node ShapeTree::shape(const char* name, bool text_box) {
    auto sp = tree_.append_child("p:sp");
    auto nv = sp.append_child("p:nvSpPr");
    numbered_name(nv, name);
    auto cnv = nv.append_child("p:cNvSpPr");
    if (text_box) cnv.append_attribute("txBox") = 1;
    nv.append_child("p:nvPr");
    return sp;
}

void ShapeTree::text_element(const StructElement& e, const Frame& frame) {
    // Decoration the text does not reproduce (a quote's bar, the agenda's
    // band) goes under it; a list's bullets and the code band are the text box's own.
    const bool own_decoration = e.kind != StructKind::List && e.kind != StructKind::Code;
    for (std::size_t i = e.items.begin; own_decoration && i < e.items.end && i < frame.items.size(); ++i)
        if (!is_paragraph_item(e, i)) item(frame.items[i]);
    TextBox box = text_box_geometry(e);
    if (box.empty) return;
    auto sp = shape(e.kind == StructKind::Code ? "Code" : "TextBox", true);
    auto sp_pr = sp.append_child("p:spPr");
    xfrm(sp_pr, "a:xfrm", box.x, box.y, box.w, box.h);
    preset(sp_pr, e.kind == StructKind::Code ? "roundRect" : "rect");
    std::optional<Color> band;
    if (e.kind == StructKind::Code && !e.items.empty() && e.items.begin < frame.items.size())
        if (const auto* s = std::get_if<Shape>(&frame.items[e.items.begin].item)) band = s->fill;
    if (band) {
        auto geom = sp_pr.child("a:prstGeom").child("a:avLst").append_child("a:gd");
        geom.append_attribute("name") = "adj";
        geom.append_attribute("fmla") = "val 2000";
        solid_fill(sp_pr, *band);
    } else {
        sp_pr.append_child("a:noFill");
    }
    write_text_body(sp.append_child("p:txBody"), e, box, context(&frame));
}

void ShapeTree::title(const StructElement& e) {
    TextBox box = text_box_geometry(e);
    if (box.empty) return;
    auto sp = shape("Title", false);
    auto ph = sp.child("p:nvSpPr").child("p:nvPr").append_child("p:ph");
    ph.append_attribute("type") = "title";
    auto sp_pr = sp.append_child("p:spPr");
    xfrm(sp_pr, "a:xfrm", box.x, box.y, box.w, box.h);
    preset(sp_pr, "rect");
    sp_pr.append_child("a:noFill");
    write_text_body(sp.append_child("p:txBody"), e, box, context(nullptr));
}

void ShapeTree::field_text(const StructElement& e) {
    TextBox box = text_box_geometry(e);
    if (box.empty) return;
    auto sp = shape(e.furniture == "page-number" ? "Slide Number" : "Footer", true);
    auto sp_pr = sp.append_child("p:spPr");
    xfrm(sp_pr, "a:xfrm", box.x, box.y, box.w, box.h);
    preset(sp_pr, "rect");
    sp_pr.append_child("a:noFill");
    write_field_body(sp.append_child("p:txBody"), e, box);
}

void ShapeTree::picture(const StructImage& image, double x, double y, double w, double h, const std::string& name) {
    if (image.path.empty()) return;
    const MediaRef& media = media_.add(image.path, image.format, w, h);
    auto pic = tree_.append_child("p:pic");
    auto nv = pic.append_child("p:nvPicPr");
    numbered_name(nv, name, image.alt);
    nv.append_child("p:cNvPicPr").append_child("a:picLocks").append_attribute("noChangeAspect") = 1;
    nv.append_child("p:nvPr");
    auto fill = pic.append_child("p:blipFill");
    auto blip = fill.append_child("a:blip");
    blip.append_attribute("r:embed") = rels_.add("image", "../" + media.picture).c_str();
    if (!media.svg.empty()) {
        // PowerPoint 2016+ shows the SVG, others the PNG (the svgBlip extension).
        auto ext = blip.append_child("a:extLst").append_child("a:ext");
        ext.append_attribute("uri") = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
        auto svg = ext.append_child("asvg:svgBlip");
        svg.append_attribute("xmlns:asvg") = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
        svg.append_attribute("r:embed") = rels_.add("image", "../" + media.svg).c_str();
    }
    if (image.crop_left > 0 || image.crop_top > 0 || image.crop_right > 0 || image.crop_bottom > 0) {
        auto src = fill.append_child("a:srcRect");
        set_num(src, "l", std::llround(image.crop_left * 100000));
        set_num(src, "t", std::llround(image.crop_top * 100000));
        set_num(src, "r", std::llround(image.crop_right * 100000));
        set_num(src, "b", std::llround(image.crop_bottom * 100000));
    }
    fill.append_child("a:stretch").append_child("a:fillRect");
    auto sp_pr = pic.append_child("p:spPr");
    xfrm(sp_pr, "a:xfrm", x, y, w, h);
    preset(sp_pr, "rect");
}

void ShapeTree::drawing_group(const StructElement& e, const Frame& frame) {
    auto grp = tree_.append_child("p:grpSp");
    auto nv = grp.append_child("p:nvGrpSpPr");
    numbered_name(nv, "Chart", e.image.alt);
    nv.append_child("p:cNvGrpSpPr");
    nv.append_child("p:nvPr");
    // The group's child space is the slide's own: its items keep their places.
    auto geometry = grp.append_child("p:grpSpPr").append_child("a:xfrm");
    const std::int64_t x = emu(e.x), y = emu(e.y), w = std::max<std::int64_t>(0, emu(e.w)),
                       h = std::max<std::int64_t>(0, emu(e.h));
    for (const char* name : {"a:off", "a:chOff"}) {
        auto off = geometry.append_child(name);
        set_num(off, "x", x);
        set_num(off, "y", y);
    }
    for (const char* name : {"a:ext", "a:chExt"}) {
        auto ext = geometry.append_child(name);
        set_num(ext, "cx", w);
        set_num(ext, "cy", h);
    }
    const pugi::xml_node outer = tree_;
    tree_ = grp;
    for (std::size_t i = e.items.begin; i < e.items.end && i < frame.items.size(); ++i) item(frame.items[i]);
    tree_ = outer;
}

bool ShapeTree::chart(const StructElement& e) {
    if (!charts_ || !e.chart) return false;
    const std::string part = charts_->add(*e.chart, e.w, e.h);
    auto gf = tree_.append_child("p:graphicFrame");
    auto nv = gf.append_child("p:nvGraphicFramePr");
    numbered_name(nv, "Chart", e.image.alt);
    nv.append_child("p:cNvGraphicFramePr").append_child("a:graphicFrameLocks").append_attribute("noGrp") = 1;
    nv.append_child("p:nvPr");
    xfrm(gf, "p:xfrm", e.x, e.y, e.w, e.h);
    auto data = gf.append_child("a:graphic").append_child("a:graphicData");
    data.append_attribute("uri") = kNsC;
    auto ref = data.append_child("c:chart");
    ref.append_attribute("xmlns:c") = kNsC;
    ref.append_attribute("r:id") = rels_.add("chart", "../" + part).c_str();
    return true;
}

void ShapeTree::item(const PositionedItem& positioned, double dx, double dy) {
    const double x = positioned.pos.x + dx, y = positioned.pos.y + dy;
    std::visit(
        [&](const auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, Shape>) {
                if (it.kind == Shape::Kind::Line) line_item(it, x, y);
                else shape_item(it, x, y);
            } else if constexpr (std::is_same_v<T, ImageItem>) {
                StructImage image;
                image.path = it.path;
                image.format = it.format;
                picture(image, x, y, it.w, it.h, "Picture");
            } else if constexpr (std::is_same_v<T, GlyphRun>) {
                run_item(it, x, y);
            } else if constexpr (std::is_same_v<T, Group>) {
                group_item(it, x, y);
            }
        },
        positioned.item);
}

void ShapeTree::line_item(const Shape& it, double x, double y) {
    auto cxn = tree_.append_child("p:cxnSp");
    auto nv = cxn.append_child("p:nvCxnSpPr");
    numbered_name(nv, "Line");
    nv.append_child("p:cNvCxnSpPr");
    nv.append_child("p:nvPr");
    auto sp_pr = cxn.append_child("p:spPr");
    xfrm(sp_pr, "a:xfrm", x + std::min(0.0, it.w), y + std::min(0.0, it.h), std::abs(it.w), std::abs(it.h));
    auto xf = sp_pr.child("a:xfrm");
    if (it.w < 0) xf.append_attribute("flipH") = 1;
    if (it.h < 0) xf.append_attribute("flipV") = 1;
    preset(sp_pr, "line");
    line_props(sp_pr, it.stroke, it.stroke_width);
}

void ShapeTree::shape_item(const Shape& it, double x, double y) {
    auto sp = shape(it.kind == Shape::Kind::Path ? "Freeform" : "Rectangle", false);
    auto sp_pr = sp.append_child("p:spPr");
    if (it.kind == Shape::Kind::Path) {
        path_geometry(sp_pr, it, x, y);
    } else {
        xfrm(sp_pr, "a:xfrm", x, y, it.w, it.h);
        preset(sp_pr, it.corner_radius > 0 ? "roundRect" : "rect");
        if (it.corner_radius > 0) {
            double share = it.corner_radius / std::max(0.01, std::min(it.w, it.h));
            auto gd = sp_pr.child("a:prstGeom").child("a:avLst").append_child("a:gd");
            gd.append_attribute("name") = "adj";
            gd.append_attribute("fmla") = ("val " + std::to_string(std::llround(std::min(0.5, share) * 100000))).c_str();
        }
    }
    if (it.hatch && it.kind == Shape::Kind::Rect) hatch_fill(sp_pr, it.hatch->color, it.fill);
    else if (it.fill) solid_fill(sp_pr, *it.fill);
    else sp_pr.append_child("a:noFill");
    line_props(sp_pr, it.stroke, it.stroke_width);
}

// A path as a free-form shape over the bounds of its points.
void ShapeTree::path_geometry(pugi::xml_node sp_pr, const Shape& it, double x, double y) {
    Bounds b;
    for (const auto& op : it.path)
        for (int k = 0; k < points_of(op.kind); ++k) b.add(op.p[k]);
    if (b.x0 > b.x1) b = {0, 0, 0, 0};
    xfrm(sp_pr, "a:xfrm", x + b.x0, y + b.y0, b.x1 - b.x0, b.y1 - b.y0);
    auto geom = sp_pr.append_child("a:custGeom");
    for (const char* n : {"a:avLst", "a:gdLst", "a:ahLst", "a:cxnLst"}) geom.append_child(n);
    auto rect = geom.append_child("a:rect");
    for (const char* n : {"l", "t", "r", "b"}) rect.append_attribute(n) = n;
    auto path = geom.append_child("a:pathLst").append_child("a:path");
    set_num(path, "w", emu(b.x1 - b.x0));
    set_num(path, "h", emu(b.y1 - b.y0));
    for (const auto& op : it.path) {
        const char* name = op.kind == PathOp::Kind::MoveTo    ? "a:moveTo"
                           : op.kind == PathOp::Kind::LineTo  ? "a:lnTo"
                           : op.kind == PathOp::Kind::CurveTo ? "a:cubicBezTo"
                                                              : "a:close";
        auto node = path.append_child(name);
        for (int k = 0; k < points_of(op.kind); ++k) {
            auto pt = node.append_child("a:pt");
            set_num(pt, "x", emu(op.p[k].x - b.x0));
            set_num(pt, "y", emu(op.p[k].y - b.y0));
        }
    }
}

// Text that is in no structure element: a one-line text box on its baseline.
void ShapeTree::run_item(const GlyphRun& it, double x, double y) {
    StructLine line;
    line.x = x, line.w = it.width, line.h = it.size * 1.2, line.top = y - it.size, line.baseline = y;
    StructRun run;
    run.text = it.text;
    run.size = it.size;
    run.color = it.color;
    run.x = x;
    if (it.font) run.family = it.font->family, run.bold = it.font->bold, run.italic = it.font->italic;
    line.runs.push_back(std::move(run));
    StructElement e;
    e.kind = StructKind::Text;
    e.paragraphs.emplace_back().lines.push_back(std::move(line));
    e.x = x, e.y = y - it.size, e.w = it.width, e.h = it.size * 1.2;
    text_element(e, Frame{});
}

// A clipped picture (fit="cover" outside the structure) as the picture
// cropped to the group's frame; anything else item by item.
void ShapeTree::group_item(const Group& it, double x, double y) {
    if (!it.frame) return;
    const Frame& f = *it.frame;
    if (it.clip && f.items.size() == 1) {
        if (const auto* im = std::get_if<ImageItem>(&f.items[0].item)) {
            StructImage image;
            image.path = im->path;
            image.format = im->format;
            const double ix = f.items[0].pos.x, iy = f.items[0].pos.y;
            image.crop_left = std::max(0.0, -ix / im->w);
            image.crop_top = std::max(0.0, -iy / im->h);
            image.crop_right = std::max(0.0, (ix + im->w - f.width) / im->w);
            image.crop_bottom = std::max(0.0, (iy + im->h - f.height) / im->h);
            picture(image, x, y, f.width * it.transform.a, f.height * it.transform.d, "Picture");
            return;
        }
    }
    for (const auto& inner : f.items) item(inner, x + it.transform.e, y + it.transform.f);
}

void ShapeTree::table(const StructElement& e, const Frame& frame) {
    if (e.table_rows <= 0 || e.table_cols <= 0) return;
    auto gf = tree_.append_child("p:graphicFrame");
    auto nv = gf.append_child("p:nvGraphicFramePr");
    numbered_name(nv, "Table");
    nv.append_child("p:cNvGraphicFramePr").append_child("a:graphicFrameLocks").append_attribute("noGrp") = 1;
    nv.append_child("p:nvPr");
    xfrm(gf, "p:xfrm", e.x, e.y, e.w, e.h);
    auto data = gf.append_child("a:graphic").append_child("a:graphicData");
    data.append_attribute("uri") = "http://schemas.openxmlformats.org/drawingml/2006/table";
    write_table(data.append_child("a:tbl"), e, frame, context(&frame));
}

}  // namespace ks::pptx
