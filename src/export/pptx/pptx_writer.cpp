#include "export/pptx/pptx_writer.h"

#include <cstdint>
#include <map>

#include "export/pptx/media.h"
#include "export/pptx/package_parts.h"
#include "export/pptx/pptx_xml.h"
#include "export/pptx/slide_parts.h"
#include "export/pptx/static_parts.h"
#include "export/pptx/zip_package.h"

namespace ks {
namespace {

using namespace pptx;

constexpr const char* kTypeBase = "application/vnd.openxmlformats-officedocument.presentationml.";

std::string type_of(const char* what) { return std::string(kTypeBase) + what + "+xml"; }

// A section's id: a GUID made from its place and name, so it is stable.
std::string section_guid(std::size_t index, const std::string& name) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : std::to_string(index) + "\x1F" + name) h = (h ^ c) * 1099511628211ull;
    char buf[40];
    std::snprintf(buf, sizeof buf, "{%08X-%04X-4%03X-8%03X-%012llX}", static_cast<unsigned>(h >> 32),
                  static_cast<unsigned>((h >> 16) & 0xFFFF), static_cast<unsigned>(h & 0xFFF),
                  static_cast<unsigned>((h >> 20) & 0xFFF), static_cast<unsigned long long>(h & 0xFFFFFFFFFFFFull));
    return buf;
}

// The font of the deck's first text run: the theme's font.
std::string deck_font(const Document& doc) {
    for (const auto& page : doc.pages)
        for (const auto& e : page->record.structure.elements)
            for (const auto& p : e.paragraphs)
                for (const auto& l : p.lines)
                    for (const auto& r : l.runs)
                        if (!r.family.empty() && !r.code) return r.family;
    return "BIZ UDPGothic";
}

// Consecutive slides of one section; slides outside sections form their own.
struct SectionRun {
    std::string name;
    std::size_t first = 0, count = 0;
};

std::vector<SectionRun> sections_of(const Document& doc) {
    std::vector<SectionRun> out;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const auto& s = doc.pages[i]->record.structure;
        std::string name = s.section.empty() ? s.title : s.section;
        if (!out.empty() && out.back().name == name && !s.section.empty()) {
            ++out.back().count;
            continue;
        }
        if (!out.empty() && s.section.empty() && doc.pages[out.back().first]->record.structure.section.empty()) {
            ++out.back().count;  // slides outside sections stay together
            continue;
        }
        out.push_back({name.empty() ? "スライド" : name, i, 1});
    }
    return out;
}

void section_list(pugi::xml_node presentation, const Document& doc) {
    auto sections = sections_of(doc);
    if (sections.empty()) return;
    auto ext = presentation.append_child("p:extLst").append_child("p:ext");
    ext.append_attribute("uri") = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}";
    auto list = ext.append_child("p14:sectionLst");
    list.append_attribute("xmlns:p14") = "http://schemas.microsoft.com/office/powerpoint/2010/main";
    for (std::size_t k = 0; k < sections.size(); ++k) {
        auto section = list.append_child("p14:section");
        section.append_attribute("name") = sections[k].name.c_str();
        section.append_attribute("id") = section_guid(k, sections[k].name).c_str();
        auto ids = section.append_child("p14:sldIdLst");
        for (std::size_t i = sections[k].first; i < sections[k].first + sections[k].count; ++i)
            ids.append_child("p14:sldId").append_attribute("id") = static_cast<unsigned long long>(256 + i);
    }
}

}  // namespace

std::string write_pptx(const Document& doc) {
    Package package;
    MediaStore media(package);
    const double slide_w = doc.pages.empty() ? 960 : doc.pages.front()->width;
    const double slide_h = doc.pages.empty() ? 540 : doc.pages.front()->height;

    auto& root_rels = package.rels("");
    root_rels.add("officeDocument", "ppt/presentation.xml");
    root_rels.add("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                  "docProps/core.xml");
    root_rels.add("extended-properties", "docProps/app.xml");

    pugi::xml_document pres_doc;
    auto pres = presentation_root(pres_doc, "p:presentation");
    pres.append_attribute("saveSubsetFonts") = 1;
    auto& pres_rels = package.rels("ppt/presentation.xml");

    // Layouts in the order slides first use them; the master from the first slide that shows it.
    std::vector<std::string> layout_names;
    std::map<std::string, std::size_t> layout_index;
    const Frame* master_frame = nullptr;
    for (const auto& page : doc.pages) {
        const std::string& name = page->record.layout;
        if (layout_index.emplace(name, layout_names.size()).second) layout_names.push_back(name);
        if (!master_frame && !page->record.structure.master_items.empty()) master_frame = page.get();
    }
    const Frame* background_frame = master_frame ? master_frame : doc.pages.empty() ? nullptr : doc.pages[0].get();

    const std::string master_rid = pres_rels.add("slideMaster", "slideMasters/slideMaster1.xml");
    auto& master_rels = package.rels("ppt/slideMasters/slideMaster1.xml");
    std::vector<std::string> layout_parts;
    for (std::size_t k = 0; k < layout_names.size(); ++k) {
        layout_parts.push_back("slideLayouts/slideLayout" + std::to_string(k + 1) + ".xml");
        master_rels.add("slideLayout", "../" + layout_parts.back());
    }
    master_rels.add("theme", "../theme/theme1.xml");
    package.add("ppt/slideMasters/slideMaster1.xml",
                master_xml(background_frame, static_cast<int>(layout_names.size()), master_rels, media),
                type_of("slideMaster"));
    for (std::size_t k = 0; k < layout_names.size(); ++k) {
        const Frame* first = nullptr;
        for (const auto& page : doc.pages)
            if (!first && page->record.layout == layout_names[k]) first = page.get();
        const std::string part = "ppt/" + layout_parts[k];
        auto& rels = package.rels(part);
        rels.add("slideMaster", "../slideMasters/slideMaster1.xml");
        const bool own_background =
            background_frame && first->background && !(first->background == background_frame->background);
        package.add(part, layout_xml(*first, layout_names[k], own_background, rels, media), type_of("slideLayout"));
    }

    // Notes master (notes pages need one), then the slides with their notes.
    bool any_notes = false;
    for (const auto& page : doc.pages) any_notes = any_notes || !page->record.structure.notes.empty();
    std::string notes_master_rid;
    if (any_notes) {
        notes_master_rid = pres_rels.add("notesMaster", "notesMasters/notesMaster1.xml");
        package.rels("ppt/notesMasters/notesMaster1.xml").add("theme", "../theme/theme2.xml");
        package.add("ppt/notesMasters/notesMaster1.xml", notes_master_xml(slide_w, slide_h), type_of("notesMaster"));
    }
    std::map<std::string, std::size_t> slide_index;  // for links to slides
    for (std::size_t i = 0; i < doc.pages.size(); ++i) slide_index.emplace(doc.pages[i]->record.id, i);
    std::vector<std::string> slide_rids;
    std::size_t notes_count = 0;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const Frame& frame = *doc.pages[i];
        const std::string name = "slide" + std::to_string(i + 1) + ".xml";
        const std::string part = "ppt/slides/" + name;
        slide_rids.push_back(pres_rels.add("slide", "slides/" + name));
        auto& rels = package.rels(part);
        rels.add("slideLayout", "../" + layout_parts[layout_index[frame.record.layout]]);
        const auto& notes = frame.record.structure.notes;
        std::string notes_part;
        if (!notes.empty()) {
            notes_part = "ppt/notesSlides/notesSlide" + std::to_string(++notes_count) + ".xml";
            rels.add("notesSlide", "../notesSlides/notesSlide" + std::to_string(notes_count) + ".xml");
        }
        package.add(part, slide_xml(frame, rels, media, slide_index), type_of("slide"));
        if (!notes_part.empty()) {
            auto& nrels = package.rels(notes_part);
            nrels.add("notesMaster", "../notesMasters/notesMaster1.xml");
            nrels.add("slide", "../slides/" + name);
            package.add(notes_part, notes_slide_xml(notes), type_of("notesSlide"));
        }
    }

    const std::string font = deck_font(doc);
    package.add("ppt/theme/theme1.xml", theme_xml(font), "application/vnd.openxmlformats-officedocument.theme+xml");
    if (any_notes)
        package.add("ppt/theme/theme2.xml", theme_xml(font), "application/vnd.openxmlformats-officedocument.theme+xml");
    pres_rels.add("theme", "theme/theme1.xml");
    pres_rels.add("presProps", "presProps.xml");
    pres_rels.add("viewProps", "viewProps.xml");
    pres_rels.add("tableStyles", "tableStyles.xml");
    package.add("ppt/presProps.xml", presentation_props_xml(), type_of("presProps"));
    package.add("ppt/viewProps.xml", view_props_xml(), type_of("viewProps"));
    package.add("ppt/tableStyles.xml", table_styles_xml(), type_of("tableStyles"));

    auto master_ids = pres.append_child("p:sldMasterIdLst").append_child("p:sldMasterId");
    master_ids.append_attribute("id") = 2147483648LL;
    master_ids.append_attribute("r:id") = master_rid.c_str();
    if (any_notes)
        pres.append_child("p:notesMasterIdLst").append_child("p:notesMasterId").append_attribute("r:id") =
            notes_master_rid.c_str();
    auto slide_ids = pres.append_child("p:sldIdLst");
    for (std::size_t i = 0; i < slide_rids.size(); ++i) {
        auto id = slide_ids.append_child("p:sldId");
        id.append_attribute("id") = static_cast<unsigned long long>(256 + i);
        id.append_attribute("r:id") = slide_rids[i].c_str();
    }
    auto size = pres.append_child("p:sldSz");
    set_num(size, "cx", emu(slide_w));
    set_num(size, "cy", emu(slide_h));
    auto notes_size = pres.append_child("p:notesSz");
    notes_size.append_attribute("cx") = 6858000;
    notes_size.append_attribute("cy") = 9144000;
    section_list(pres, doc);
    package.add("ppt/presentation.xml", xml_bytes(pres_doc), type_of("presentation.main"));

    package.add("docProps/core.xml", core_props_xml(doc.info), "application/vnd.openxmlformats-package.core-properties+xml");
    package.add("docProps/app.xml", app_props_xml(doc.pages.size(), notes_count),
                "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    return zip_package(package.finish(), doc.info.timestamp);
}

}  // namespace ks
