// The module lib/kamishibai/pdf_tagging.so (export/tagging/pdf_tagging.h):
// add_pdf_accessibility with libqpdf, loaded by the binary on first use.
#include "export/tagging/pdf_tagging.h"
#include "util/shared_library.h"

KS_MODULE_TABLE const ks::PdfTaggingModule ks_pdf_tagging_module{KAMISHIBAI_VERSION, &ks::add_pdf_accessibility};
