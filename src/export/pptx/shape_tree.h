#pragma once
// Writes the shapes of one slide, layout or master into its p:spTree:
// editable text boxes for the structure's text elements (runs, kamishibai's
// line breaks, list bullets and numbers, levels), real tables, pictures, and
// plain shapes for the decoration drawn around them.
#include <map>
#include <string>

#include <pugixml.hpp>

#include "export/pptx/chart_part.h"
#include "export/pptx/media.h"
#include "export/pptx/package_parts.h"
#include "export/pptx/text_body.h"
#include "frame/frame.h"

namespace ks::pptx {

class ShapeTree {
public:
    // `tree` is the p:spTree; pictures are related from `rels` as
    // "../media/…". `slides` (slide id → 0-based index) resolves links to
    // slides ("#id"); null: only web links. Charts go to `charts` (null:
    // drawn from shapes).
    ShapeTree(pugi::xml_node tree, Relationships& rels, MediaStore& media,
              const std::map<std::string, std::size_t>* slides = nullptr, ChartStore* charts = nullptr);

    // A text element (title, paragraphs, list, quote, code, …) as one text
    // box; its own decoration (a quote's bar, the agenda's band) under it.
    // `frame` is the slide the element was laid out on.
    void text_element(const StructElement& e, const Frame& frame);
    // The slide title as the title placeholder (PowerPoint's outline and
    // navigation read it).
    void title(const StructElement& e);
    void table(const StructElement& e, const Frame& frame);
    void picture(const StructImage& image, double x, double y, double w, double h, const std::string& name);
    // A figure drawn from shapes, with no picture file (a chart): its frame
    // items in one group whose description is the figure's alt text.
    void drawing_group(const StructElement& e, const Frame& frame);
    // A chart figure as a native chart: a graphic frame over its chart part,
    // described by the figure's alt text. False when there is no chart store.
    bool chart(const StructElement& e);
    // A master or layout text (footer, page number) with its fields: "{page}"
    // becomes PowerPoint's slide-number field.
    void field_text(const StructElement& e);
    // Decoration: a frame item that is no structure element's text.
    void item(const PositionedItem& item, double dx = 0, double dy = 0);

private:
    pugi::xml_node shape(const char* name, bool text_box);
    void numbered_name(pugi::xml_node nv, const std::string& name, const std::string& descr = "");
    void link(pugi::xml_node rpr, const std::string& target);
    void line_item(const Shape& shape, double x, double y);
    void shape_item(const Shape& shape, double x, double y);
    void path_geometry(pugi::xml_node sp_pr, const Shape& shape, double x, double y);
    void run_item(const GlyphRun& run, double x, double y);
    void group_item(const Group& group, double x, double y);
    TextContext context(const Frame* frame);
    int next_id_ = 2;
    pugi::xml_node tree_;
    Relationships& rels_;
    MediaStore& media_;
    const std::map<std::string, std::size_t>* slides_;
    ChartStore* charts_;
};

}  // namespace ks::pptx
