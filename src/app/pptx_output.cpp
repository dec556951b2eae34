#include "app/pptx_output.h"

#include "export/dump/structure_dump.h"
#include "export/pptx/pptx_writer.h"
#include "output/output_folder.h"

namespace ks {

std::uint64_t pptx_key(RenderKeys& keys, const Document& slides) {
    std::string salt = "pptx 2";  // 2: native charts
    for (const auto& page : slides.pages) salt += "\n" + structure_json(page->record.structure).dump();
    return keys.document(slides, salt);
}

void write_pptx_file(const Document& slides, const std::string& path) { write_file_atomically(path, write_pptx(slides)); }

}  // namespace ks
