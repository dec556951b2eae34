#pragma once
// Marks the content of a page that lies outside the structure as /Artifact:
// every stretch of operators outside a marked-content sequence that carries
// an /MCID (the master's furniture and backgrounds) is wrapped in
// "/Artifact BMC … EMC". Cairo's /ActualText spans (BDC without an /MCID)
// inside a structure sequence get the enclosing sequence's /MCID: poppler
// (pdfinfo -struct-text) takes their EMC for the end of the enclosing
// sequence and would lose the rest of its text.
//
// A scanner of PDF content syntax (strings, names, dictionaries, comments,
// inline images), not a parser: the operators and their operands are copied
// byte for byte, only the marks are inserted. It replaces a libqpdf token
// filter that wrote the same bytes ten times slower.
#include <string>
#include <string_view>

namespace ks {

// `content`: a page's decoded content stream. Returns it with the marks.
std::string mark_content_artifacts(std::string_view content);

}  // namespace ks
