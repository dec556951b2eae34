#include "export/pptx/slide_parts.h"

#include "export/pptx/pptx_xml.h"
#include "export/pptx/shape_tree.h"

namespace ks::pptx {
namespace {

// Which element draws each top-level item of the frame (-1: none).
std::vector<int> item_owners(const Frame& frame) {
    std::vector<int> owner(frame.items.size(), -1);
    const auto& elements = frame.record.structure.elements;
    for (std::size_t k = 0; k < elements.size(); ++k)
        for (std::size_t i = elements[k].items.begin; i < elements[k].items.end && i < owner.size(); ++i)
            owner[i] = static_cast<int>(k);
    return owner;
}

void background(pugi::xml_node c_sld, const Frame& frame) {
    if (!frame.background) return;
    auto bg_pr = c_sld.append_child("p:bg").append_child("p:bgPr");
    solid_fill(bg_pr, *frame.background);
    bg_pr.append_child("a:effectLst");
}

void color_map(pugi::xml_node node) {
    const char* pairs[][2] = {{"bg1", "lt1"},         {"tx1", "dk1"},         {"bg2", "lt2"},
                              {"tx2", "dk2"},         {"accent1", "accent1"}, {"accent2", "accent2"},
                              {"accent3", "accent3"}, {"accent4", "accent4"}, {"accent5", "accent5"},
                              {"accent6", "accent6"}, {"hlink", "hlink"},     {"folHlink", "folHlink"}};
    for (const auto& p : pairs) node.append_attribute(p[0]) = p[1];
}

void shared_element(ShapeTree& tree, const StructElement& e) {
    if (e.furniture == "logo") tree.picture(e.image, e.x, e.y, e.w, e.h, "Logo");
    else tree.field_text(e);
}

// An element of a slide as PowerPoint's own kind of object.
void slide_element(ShapeTree& tree, const StructElement& e, const Frame& frame, bool& titled) {
    switch (e.kind) {
        case StructKind::Title:
            if (!titled) {
                titled = true;
                tree.title(e);
                return;
            }
            break;
        case StructKind::Table: tree.table(e, frame); return;
        case StructKind::Figure:
            if (!e.image.path.empty()) {
                tree.picture(e.image, e.x, e.y, e.w, e.h, "Picture");
                return;
            }
            if (tree.chart(e)) return;  // a chart: a native chart
            if (e.paragraphs.empty() && !e.items.empty()) {  // a chart without its data: drawn from shapes
                tree.drawing_group(e, frame);
                return;
            }
            break;  // a placeholder for a missing picture: its frame and alt text
        case StructKind::Furniture:
            if (e.furniture == "logo") {
                tree.picture(e.image, e.x, e.y, e.w, e.h, "Logo");
                return;
            }
            break;
        default: break;
    }
    tree.text_element(e, frame);
}

pugi::xml_node common_slide_data(pugi::xml_node root, const Frame* frame, bool with_background) {
    auto c_sld = root.append_child("p:cSld");
    if (frame && with_background) background(c_sld, *frame);
    return c_sld;
}

// A title placeholder for the slides' titles to inherit from.
void title_placeholder(ShapeTree& tree, const Frame& frame) {
    for (const auto& e : frame.record.structure.elements)
        if (e.kind == StructKind::Title) {
            StructElement empty = e;
            empty.paragraphs.resize(std::min<std::size_t>(1, empty.paragraphs.size()));
            for (auto& p : empty.paragraphs) {
                p.lines.resize(std::min<std::size_t>(1, p.lines.size()));
                for (auto& l : p.lines) l.runs.clear();
            }
            tree.title(empty);
            return;
        }
}

}  // namespace

bool is_shared_furniture(const StructElement& e) {
    if (e.kind != StructKind::Furniture) return false;
    if (e.furniture == "logo") return true;
    return !e.field_text.empty() && e.field_text.find("{section}") == std::string::npos;
}

std::string master_xml(const Frame* frame, int layouts, Relationships& rels, MediaStore& media) {
    pugi::xml_document doc;
    auto root = presentation_root(doc, "p:sldMaster");
    auto c_sld = common_slide_data(root, frame, true);
    ShapeTree tree(c_sld.append_child("p:spTree"), rels, media);
    if (frame) {
        const auto& s = frame->record.structure;
        const std::vector<int> owner = item_owners(*frame);
        std::vector<bool> done(s.elements.size(), false);
        for (std::size_t i = s.master_items.begin; i < s.master_items.end && i < frame->items.size(); ++i) {
            const int k = owner[i];
            if (k < 0) {
                tree.item(frame->items[i]);
                continue;
            }
            const StructElement& e = s.elements[static_cast<std::size_t>(k)];
            if (done[static_cast<std::size_t>(k)] || !is_shared_furniture(e)) continue;
            done[static_cast<std::size_t>(k)] = true;
            shared_element(tree, e);
        }
        title_placeholder(tree, *frame);
    }
    color_map(root.append_child("p:clrMap"));
    auto ids = root.append_child("p:sldLayoutIdLst");
    for (int k = 0; k < layouts; ++k) {
        auto id = ids.append_child("p:sldLayoutId");
        id.append_attribute("id") = 2147483649LL + k;
        id.append_attribute("r:id") = ("rId" + std::to_string(k + 1)).c_str();
    }
    auto styles = root.append_child("p:txStyles");
    for (const char* name : {"p:titleStyle", "p:bodyStyle", "p:otherStyle"}) styles.append_child(name);
    return xml_bytes(doc);
}

std::string layout_xml(const Frame& frame, const std::string& name, bool master_background_differs,
                       Relationships& rels, MediaStore& media) {
    pugi::xml_document doc;
    auto root = presentation_root(doc, "p:sldLayout");
    const auto& s = frame.record.structure;
    root.append_attribute("showMasterSp") = s.master_items.empty() ? 0 : 1;
    root.append_attribute("preserve") = 1;
    auto c_sld = common_slide_data(root, &frame, master_background_differs);
    c_sld.append_attribute("name") = name.c_str();
    ShapeTree tree(c_sld.append_child("p:spTree"), rels, media);
    const std::vector<int> owner = item_owners(frame);
    std::vector<bool> done(s.elements.size(), false);
    for (std::size_t i = 0; i < frame.items.size(); ++i) {
        if (s.master_items.contains(i)) continue;
        const int k = owner[i];
        if (k < 0) {
            if (s.layout_items.contains(i)) tree.item(frame.items[i]);
            continue;
        }
        const StructElement& e = s.elements[static_cast<std::size_t>(k)];
        if (done[static_cast<std::size_t>(k)] || !is_shared_furniture(e)) continue;
        done[static_cast<std::size_t>(k)] = true;
        shared_element(tree, e);
    }
    title_placeholder(tree, frame);
    root.append_child("p:clrMapOvr").append_child("a:masterClrMapping");
    return xml_bytes(doc);
}

std::string slide_xml(const Frame& frame, Relationships& rels, MediaStore& media, ChartStore& charts,
                      const std::map<std::string, std::size_t>& slides) {
    pugi::xml_document doc;
    auto root = presentation_root(doc, "p:sld");
    auto c_sld = common_slide_data(root, &frame, true);
    ShapeTree tree(c_sld.append_child("p:spTree"), rels, media, &slides, &charts);
    const auto& s = frame.record.structure;
    const std::vector<int> owner = item_owners(frame);
    std::vector<bool> done(s.elements.size(), false);
    bool titled = false;
    for (std::size_t i = 0; i < frame.items.size(); ++i) {
        const int k = owner[i];
        if (k < 0) {
            if (!s.master_items.contains(i) && !s.layout_items.contains(i)) tree.item(frame.items[i]);
            continue;
        }
        const StructElement& e = s.elements[static_cast<std::size_t>(k)];
        if (done[static_cast<std::size_t>(k)] || is_shared_furniture(e)) continue;
        done[static_cast<std::size_t>(k)] = true;
        slide_element(tree, e, frame, titled);
    }
    for (std::size_t k = 0; k < s.elements.size(); ++k)  // elements that drew no item of their own
        if (!done[k] && !is_shared_furniture(s.elements[k]) && s.elements[k].items.empty())
            slide_element(tree, s.elements[k], frame, titled);
    root.append_child("p:clrMapOvr").append_child("a:masterClrMapping");
    return xml_bytes(doc);
}

namespace {

pugi::xml_node placeholder(pugi::xml_node tree, int id, const char* name, const char* type, int idx) {
    auto sp = tree.append_child("p:sp");
    auto nv = sp.append_child("p:nvSpPr");
    auto c = nv.append_child("p:cNvPr");
    c.append_attribute("id") = id;
    c.append_attribute("name") = name;
    auto locks = nv.append_child("p:cNvSpPr").append_child("a:spLocks");
    locks.append_attribute("noGrp") = 1;
    auto ph = nv.append_child("p:nvPr").append_child("p:ph");
    ph.append_attribute("type") = type;
    if (idx >= 0) ph.append_attribute("idx") = idx;
    return sp;
}

void group_header(pugi::xml_node tree) {
    auto nv = tree.append_child("p:nvGrpSpPr");
    auto c = nv.append_child("p:cNvPr");
    c.append_attribute("id") = 1;
    c.append_attribute("name") = "";
    nv.append_child("p:cNvGrpSpPr");
    nv.append_child("p:nvPr");
    tree.append_child("p:grpSpPr");
}

void place(pugi::xml_node sp, double x, double y, double w, double h) {
    auto xf = sp.append_child("p:spPr").append_child("a:xfrm");
    auto off = xf.append_child("a:off");
    set_num(off, "x", emu(x));
    set_num(off, "y", emu(y));
    auto ext = xf.append_child("a:ext");
    set_num(ext, "cx", emu(w));
    set_num(ext, "cy", emu(h));
}

}  // namespace

std::string notes_master_xml(double slide_w, double slide_h) {
    pugi::xml_document doc;
    auto root = presentation_root(doc, "p:notesMaster");
    auto tree = root.append_child("p:cSld").append_child("p:spTree");
    group_header(tree);
    // A4-like notes page (540 x 720 pt): the slide above, the notes below.
    const double w = 468, h = w * slide_h / std::max(1.0, slide_w);
    place(placeholder(tree, 2, "Slide Image", "sldImg", 1), 36, 54, w, h);
    auto body = placeholder(tree, 3, "Notes", "body", 2);
    place(body, 54, 90 + h, 432, 600 - h);
    auto tx = body.append_child("p:txBody");
    tx.append_child("a:bodyPr");
    tx.append_child("a:lstStyle");
    tx.append_child("a:p");
    color_map(root.append_child("p:clrMap"));
    return xml_bytes(doc);
}

std::string notes_slide_xml(const std::vector<std::string>& notes) {
    pugi::xml_document doc;
    auto root = presentation_root(doc, "p:notes");
    auto tree = root.append_child("p:cSld").append_child("p:spTree");
    group_header(tree);
    placeholder(tree, 2, "Slide Image", "sldImg", 1).append_child("p:spPr");
    auto body = placeholder(tree, 3, "Notes", "body", 2);
    body.append_child("p:spPr");
    auto tx = body.append_child("p:txBody");
    tx.append_child("a:bodyPr");
    tx.append_child("a:lstStyle");
    for (const auto& paragraph : notes) {
        auto p = tx.append_child("a:p");
        std::size_t at = 0;
        for (;;) {
            std::size_t nl = paragraph.find('\n', at);
            auto r = p.append_child("a:r");
            r.append_child("a:rPr").append_attribute("lang") = "ja-JP";
            r.append_child("a:t").text() =
                paragraph.substr(at, nl == std::string::npos ? std::string::npos : nl - at).c_str();
            if (nl == std::string::npos) break;
            p.append_child("a:br");
            at = nl + 1;
        }
    }
    if (notes.empty()) tx.append_child("a:p");
    root.append_child("p:clrMapOvr").append_child("a:masterClrMapping");
    return xml_bytes(doc);
}

}  // namespace ks::pptx
