#pragma once
// slides.pptx: the slides Document as an editable PowerPoint presentation
// (Office Open XML, built in memory). One slide per page, text as text boxes
// laid out as kamishibai laid it out, lists, tables and pictures as
// PowerPoint's own, the layout set's furniture on the master and layouts,
// speaker notes as notes pages, sections as sections. Reads the Document
// only (each slide's structure, frame/structure.h).
#include <string>

#include "frame/document.h"

namespace ks {

// The archive's bytes; the same Document gives the same bytes. Throws
// std::runtime_error when a picture cannot be read or the archive cannot be built.
std::string write_pptx(const Document& slides);

}  // namespace ks
