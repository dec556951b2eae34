#pragma once
// The slide master, the slide layouts, the slides and their notes as
// PresentationML parts. The master and each layout are built from the first
// slide that shows them: what the layout set draws on every slide (bars,
// logo, footer, label, the page number as a slide-number field) lives there,
// so editing it once changes every slide; the slides hold the rest.
#include <map>
#include <string>
#include <vector>

#include "export/pptx/chart_part.h"
#include "export/pptx/media.h"
#include "export/pptx/package_parts.h"
#include "frame/frame.h"

namespace ks::pptx {

// Furniture that is the same on every slide of its layout (drawn on the
// master or the layout, not on the slide).
bool is_shared_furniture(const StructElement& e);

// The master: `frame` is the first slide that shows it (nullptr: none does).
std::string master_xml(const Frame* frame, int layouts, Relationships& rels, MediaStore& media);
// A layout from the first slide `frame` that uses it.
std::string layout_xml(const Frame& frame, const std::string& name, bool master_background_differs,
                       Relationships& rels, MediaStore& media);
// `slides` (slide id → 0-based index) resolves links to slides; charts
// become native charts in `charts`.
std::string slide_xml(const Frame& frame, Relationships& rels, MediaStore& media, ChartStore& charts,
                      const std::map<std::string, std::size_t>& slides);
std::string notes_master_xml(double slide_w, double slide_h);
std::string notes_slide_xml(const std::vector<std::string>& notes);

}  // namespace ks::pptx
