#include "export/tagging/pdf_tagging.h"

#include <system_error>
#include <thread>

#include "util/shared_library.h"

namespace ks {
namespace {

// Loaded once, by whichever thread comes first; the others wait for it (a
// throw leaves it unloaded, for the next call to try again).
const PdfTaggingModule& module() {
    static const PdfTaggingModule& table =
        *static_cast<const PdfTaggingModule*>(load_module_table("pdf_tagging", "ks_pdf_tagging_module"));
    return table;
}

// The preloading thread, joined when the process exits (never left
// running inside the dynamic loader while the process tears down).
struct Preload {
    std::thread thread;
    ~Preload() {
        if (thread.joinable()) thread.join();
    }
};

}  // namespace

void preload_pdf_tagging() {
    try {
        static Preload preload{std::thread([] {
            try {
                module();
            } catch (...) {
                // tag_pdf loads it again and reports why it cannot
            }
        })};
    } catch (const std::system_error&) {
        // no thread to spare: tag_pdf loads it when it is needed
    }
}

std::string tag_pdf(const std::string& pdf_bytes, const std::string& name, const PdfAccessibility& a) {
    return module().add_pdf_accessibility(pdf_bytes, name, a);
}

}  // namespace ks
