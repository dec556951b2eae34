#pragma once
// add_pdf_accessibility through the module lib/kamishibai/pdf_tagging.so:
// libqpdf (and GnuTLS, p11-kit, … behind it) costs several milliseconds to
// load, so the binary never links it and a run that writes no PDF never
// loads it (util/shared_library.h). A build that will write a PDF starts
// loading it at once on a background thread, so that the load overlaps
// layout.
#include <string>

#include "export/tagging/pdf_accessibility.h"

namespace ks {

// What pdf_tagging.so exports as ks_pdf_tagging_module.
struct PdfTaggingModule {
    const char* version;  // KAMISHIBAI_VERSION
    std::string (*add_pdf_accessibility)(const std::string& pdf_bytes, const std::string& name,
                                         const PdfAccessibility& a);
};

// Starts loading the module on a background thread and returns at once;
// later calls do nothing. A failure is left for tag_pdf to report.
void preload_pdf_tagging();

// add_pdf_accessibility (export/tagging/pdf_accessibility.h), run in the
// module: loads it first, or waits for the load preload_pdf_tagging
// started. Throws std::runtime_error, also when the module cannot be
// loaded (the message names the file and says to reinstall).
std::string tag_pdf(const std::string& pdf_bytes, const std::string& name, const PdfAccessibility& a);

}  // namespace ks
