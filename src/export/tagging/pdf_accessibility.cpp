#include "export/tagging/pdf_accessibility.h"

#include <memory>
#include <stdexcept>

// Use qpdf's std::shared_ptr API (no PointerHolder).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/Buffer.hh>

#include "export/tagging/content_artifacts.h"

namespace ks {
namespace {

// Depth-first over the structure tree (the order Cairo created the
// elements in, which is the frames' reading order): /Alt on each Figure.
void set_figure_alts(QPDFObjectHandle node, const std::vector<std::string>& alts, std::size_t& next) {
    if (node.isArray()) {
        for (int i = 0; i < node.getArrayNItems(); ++i) set_figure_alts(node.getArrayItem(i), alts, next);
        return;
    }
    if (!node.isDictionary()) return;
    if (node.hasKey("/Type") && node.getKey("/Type").isName() && node.getKey("/Type").getName() == "/MCR") return;
    if (node.hasKey("/S") && node.getKey("/S").isName() && node.getKey("/S").getName() == "/Figure") {
        if (next < alts.size() && !alts[next].empty())
            node.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[next]));
        ++next;
    }
    if (node.hasKey("/K")) set_figure_alts(node.getKey("/K"), alts, next);
}

// Each page's content with what lies outside the structure marked as
// /Artifact (export/tagging/content_artifacts.h); the writer compresses it
// (the bytes a libqpdf token filter wrote, without its cost).
void mark_page_artifacts(QPDFPageObjectHelper& page) {
    QPDFObjectHandle contents = page.getObjectHandle().getKey("/Contents");
    if (!contents.isStream()) {
        page.coalesceContentStreams();
        contents = page.getObjectHandle().getKey("/Contents");
        if (!contents.isStream()) return;
    }
    std::shared_ptr<Buffer> data = contents.getStreamData(qpdf_dl_generalized);
    contents.replaceStreamData(mark_content_artifacts(std::string_view(
                                   reinterpret_cast<const char*>(data->getBuffer()), data->getSize())),
                               QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

// One Document element under the root holding what the root held.
void wrap_in_document(QPDF& pdf, QPDFObjectHandle tree) {
    QPDFObjectHandle kids = tree.getKey("/K");
    if (!kids.isArray()) {
        QPDFObjectHandle one = kids;
        kids = QPDFObjectHandle::newArray();
        kids.appendItem(one);
    }
    if (kids.getArrayNItems() == 1) {
        QPDFObjectHandle only = kids.getArrayItem(0);
        if (only.isDictionary() && only.getKey("/S").isName() && only.getKey("/S").getName() == "/Document") return;
    }
    QPDFObjectHandle doc = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    doc.replaceKey("/Type", QPDFObjectHandle::newName("/StructElem"));
    doc.replaceKey("/S", QPDFObjectHandle::newName("/Document"));
    doc.replaceKey("/P", tree);
    doc.replaceKey("/K", kids);
    for (int i = 0; i < kids.getArrayNItems(); ++i) {
        QPDFObjectHandle kid = kids.getArrayItem(i);
        if (kid.isDictionary()) kid.replaceKey("/P", doc);
    }
    tree.replaceKey("/K", doc);
}

// /Dest (name) → [page /XYZ 0 top 0] for the names `pages` knows.
void resolve_named_dests(QPDF& pdf, const std::map<std::string, std::size_t>& pages) {
    auto all = QPDFPageDocumentHelper(pdf).getAllPages();
    for (auto& page : all) {
        QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
        if (!annots.isArray()) continue;
        for (int i = 0; i < annots.getArrayNItems(); ++i) {
            QPDFObjectHandle annot = annots.getArrayItem(i);
            if (!annot.isDictionary() || !annot.getKey("/Dest").isString()) continue;
            auto it = pages.find(annot.getKey("/Dest").getUTF8Value());
            if (it == pages.end() || it->second >= all.size()) continue;
            QPDFObjectHandle target = all[it->second].getObjectHandle();
            QPDFObjectHandle box = target.getKey("/MediaBox");
            double top = box.isArray() && box.getArrayNItems() == 4 ? box.getArrayItem(3).getNumericValue() : 0;
            QPDFObjectHandle dest = QPDFObjectHandle::newArray();
            dest.appendItem(target);
            dest.appendItem(QPDFObjectHandle::newName("/XYZ"));
            dest.appendItem(QPDFObjectHandle::newInteger(0));
            dest.appendItem(QPDFObjectHandle::newReal(top, 2));
            dest.appendItem(QPDFObjectHandle::newInteger(0));
            annot.replaceKey("/Dest", dest);
        }
    }
}

}  // namespace

std::string add_pdf_accessibility(const std::string& pdf_bytes, const std::string& name, const PdfAccessibility& a) {
    try {
        QPDF pdf;
        pdf.processMemoryFile(name.c_str(), pdf_bytes.data(), pdf_bytes.size());
        QPDFObjectHandle root = pdf.getRoot();
        if (!a.lang.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(a.lang));
        if (a.display_doc_title) {
            QPDFObjectHandle prefs = root.getKey("/ViewerPreferences");
            if (!prefs.isDictionary()) {
                prefs = QPDFObjectHandle::newDictionary();
                root.replaceKey("/ViewerPreferences", prefs);
            }
            prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
        }
        QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
        if (tree.isDictionary() && tree.hasKey("/K")) {
            std::size_t next = 0;
            set_figure_alts(tree.getKey("/K"), a.figure_alts, next);
            wrap_in_document(pdf, tree);
            QPDFObjectHandle mark = QPDFObjectHandle::newDictionary();
            mark.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
            root.replaceKey("/MarkInfo", mark);
        }
        if (!a.named_pages.empty()) resolve_named_dests(pdf, a.named_pages);
        if (a.mark_artifacts) {
            for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) mark_page_artifacts(page);
        }
        QPDFWriter w(pdf);
        w.setOutputMemory();
        w.setDeterministicID(true);
        // Streams are copied as they are compressed (Cairo's, and the
        // marked page contents).
        w.setDecodeLevel(qpdf_dl_none);
        w.setCompressStreams(true);
        w.write();
        std::shared_ptr<Buffer> out = w.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
    } catch (const std::exception& e) {
        throw std::runtime_error("cannot add the accessibility entries to " + name + ": " + e.what());
    }
}


}  // namespace ks
